// Shared by every package's bench: each target printed as measured / target / ceiling, the ceiling
// being the best this machine allows for that figure, measured in the same run (docs/PERFORMANCE.md).
// Where less is better (CPU per send) the ceiling is the least, and a miss reads ABOVE TARGET.

/** One figure against its target and its ceiling. */
export interface TargetLine {
  readonly what: string;
  readonly measured: number;
  /** Absent when the figure has no target: it is printed beside its ceiling only. */
  readonly target?: { readonly atLeast: number } | { readonly atMost: number };
  readonly ceiling: number;
  /** Appended to every number: '×', ' ms', ''. */
  readonly unit: string;
  /** Decimals printed (default 2). */
  readonly digits?: number;
}

/** Prints a header and one line per figure, `ok` or how it missed; never fails (machines differ). */
export function printTargets(lines: readonly TargetLine[]): void {
  const width = Math.max(60, ...lines.map((line) => line.what.length + 2));
  const cell = (text: string) => text.padStart(12);
  console.log(`${'figure'.padEnd(width)}${cell('measured')}${cell('target')}${cell('ceiling')}`);
  for (const { what, measured, target, ceiling, unit, digits = 2 } of lines) {
    const n = (value: number) => `${value.toFixed(digits)}${unit}`;
    let goal = 'none';
    let verdict = '(no target)';
    if (target) {
      const atLeast = 'atLeast' in target;
      const value = atLeast ? target.atLeast : target.atMost;
      const met = atLeast ? measured >= value : measured <= value;
      goal = `${atLeast ? '≥' : '≤'} ${n(value)}`;
      verdict = met ? 'ok' : atLeast ? 'BELOW TARGET' : 'ABOVE TARGET';
    }
    console.log(`${what.padEnd(width)}${cell(n(measured))}${cell(goal)}${cell(n(ceiling))}  ${verdict}`);
  }
}
