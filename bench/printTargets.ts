// Shared by every package's bench: each target printed as measured / target / ceiling, the ceiling
// being the best this machine allows, measured in the same run (docs/PERFORMANCE.md).

/** One figure against its target and its ceiling. */
export interface TargetLine {
  readonly what: string;
  readonly measured: number;
  readonly target: { readonly atLeast: number } | { readonly atMost: number };
  readonly ceiling: number;
  /** Appended to every number: '×', ' ms', ' kB'. */
  readonly unit: string;
}

/** Prints one line per target, `ok` or how it missed; never fails (machines differ). */
export function printTargets(lines: readonly TargetLine[]): void {
  const cell = (text: string) => text.padStart(10);
  console.log(`${'target'.padEnd(60)}${cell('measured')}${cell('target')}${cell('ceiling')}`);
  for (const { what, measured, target, ceiling, unit } of lines) {
    const atLeast = 'atLeast' in target;
    const goal = atLeast ? target.atLeast : target.atMost;
    const met = atLeast ? measured >= goal : measured <= goal;
    const verdict = met ? 'ok' : atLeast ? 'BELOW TARGET' : 'ABOVE TARGET';
    console.log(
      `${what.padEnd(60)}${cell(`${measured.toFixed(2)}${unit}`)}${cell(`${atLeast ? '≥' : '≤'} ${goal}${unit}`)}${cell(`${ceiling.toFixed(2)}${unit}`)}  ${verdict}`,
    );
  }
}
