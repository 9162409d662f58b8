/**
 * Runs `work` over `items` with at most `concurrency` in flight. Stops starting new items once `signal`
 * aborts, and always waits for the ones in flight, so their outcomes get recorded.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let index = 0;
  const worker = async () => {
    while (index < items.length && !signal?.aborted) {
      const item = items[index++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
