/** A contender: an operation, synchronous or not. */
export type Op = () => unknown;

async function runFor(fn: Op, ms: number, sync: boolean): Promise<{ count: number; elapsed: number }> {
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    if (sync) fn();
    else await fn();
    count++;
    now = performance.now();
  }
  return { count, elapsed: now - start };
}

/**
 * Operations per second of each contender, measured in interleaved slices (A, B, A, B, …) so that
 * drifting machine load hits every contender alike. About `totalMs` in all, after a warm-up.
 * `sync` contenders are called without `await`, so they pay no microtask per call.
 */
export async function compare(
  contenders: { fn: Op; sync?: boolean }[],
  totalMs = 3000,
  slices = 10,
): Promise<number[]> {
  for (const c of contenders) await runFor(c.fn, 150, c.sync ?? false);
  const totals = contenders.map(() => ({ count: 0, elapsed: 0 }));
  const sliceMs = totalMs / slices / contenders.length;
  for (let s = 0; s < slices; s++) {
    for (const [i, c] of contenders.entries()) {
      const r = await runFor(c.fn, sliceMs, c.sync ?? false);
      totals[i]!.count += r.count;
      totals[i]!.elapsed += r.elapsed;
    }
  }
  return totals.map((t) => (t.count * 1000) / t.elapsed);
}

/** Throughput with `inFlight` operations outstanding at all times, for about `ms` milliseconds. */
export async function concurrentOpsPerSecond(
  fn: () => Promise<unknown>,
  inFlight: number,
  ms = 1500,
): Promise<number> {
  await Promise.all(Array.from({ length: inFlight }, fn)); // warm-up
  let count = 0;
  const start = performance.now();
  const deadline = start + ms;
  const lane = async () => {
    while (performance.now() < deadline) {
      await fn();
      count++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return (count * 1000) / (performance.now() - start);
}
