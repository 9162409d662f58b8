// How both benches end: one line per figure, `<what>  measured X  target ≥ Y  ceiling Z  ok|BELOW TARGET`.
// The ceiling is the best this machine allows for that figure, measured in the same run (here: the
// client alone, sending to the same fake at the same concurrency); for a figure where less is better
// (CPU per send) it is the least, and a miss reads ABOVE TARGET.

/** One figure against its target and its ceiling. */
export interface TargetLine {
  readonly what: string;
  readonly measured: number;
  /** Absent when the figure has no target (it is printed for its ceiling only). */
  readonly target?: { readonly atLeast: number } | { readonly atMost: number };
  readonly ceiling: number;
  /** Appended to every number: '×', ' ms', ''. */
  readonly unit: string;
  /** Decimals printed (default 2). */
  readonly digits?: number;
}

/** The line of one figure. */
export function formatTarget({ what, measured, target, ceiling, unit, digits = 2 }: TargetLine): string {
  const n = (value: number) => `${value.toFixed(digits)}${unit}`;
  if (!target) return `${what}  measured ${n(measured)}  target none  ceiling ${n(ceiling)}  (no target)`;
  const atLeast = 'atLeast' in target;
  const goal = atLeast ? target.atLeast : target.atMost;
  const met = atLeast ? measured >= goal : measured <= goal;
  const verdict = met ? 'ok' : atLeast ? 'BELOW TARGET' : 'ABOVE TARGET';
  return `${what}  measured ${n(measured)}  target ${atLeast ? '≥' : '≤'} ${n(goal)}  ceiling ${n(ceiling)}  ${verdict}`;
}

/** Prints one line per figure, names aligned; never fails (machines differ). */
export function printTargets(lines: readonly TargetLine[]): void {
  const width = Math.max(...lines.map((line) => line.what.length));
  for (const line of lines) console.log(formatTarget({ ...line, what: line.what.padEnd(width) }));
}
