/** One figure against its target and its ceiling (the best this machine allows, measured in the same run). */
export interface TargetLine {
  readonly what: string;
  readonly measured: number;
  readonly target: { readonly atLeast: number } | { readonly atMost: number };
  readonly ceiling: number;
  readonly unit: string;
}

/** Prints `what  measured  target  ceiling  ok|BELOW TARGET` lines; never fails (machines differ). */
export function printTargets(lines: readonly TargetLine[]): void {
  console.log(
    `${'figure'.padEnd(58)} ${'measured'.padStart(9)} ${'target'.padStart(9)} ${'ceiling'.padStart(9)}`,
  );
  for (const { what, measured, target, ceiling, unit } of lines) {
    const met = 'atLeast' in target ? measured >= target.atLeast : measured <= target.atMost;
    const goal = 'atLeast' in target ? `≥ ${target.atLeast}${unit}` : `≤ ${target.atMost}${unit}`;
    const verdict = met ? 'ok' : 'BELOW TARGET';
    console.log(
      `${what.padEnd(58)} ${`${measured.toFixed(2)}${unit}`.padStart(9)} ${goal.padStart(9)} ${`${ceiling.toFixed(2)}${unit}`.padStart(9)}  ${verdict}`,
    );
  }
}
