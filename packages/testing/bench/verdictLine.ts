/** One figure of the bench against its target and ceiling, with the unit `x` for ratios by default. */
export interface Figure {
  measured: number;
  /** Absent for a figure that is itself a ceiling. */
  target?: number;
  ceiling: number;
  unit?: 'x' | '';
}

const show = (value: number, unit: string) => (unit === 'x' ? `${value.toFixed(2)}x` : value.toFixed(0));

/** `<what>  measured X  target ≥ Y  ceiling Z  ok|BELOW TARGET`, aligned for a column of them. */
export function verdictLine(what: string, { measured, target, ceiling, unit = 'x' }: Figure): string {
  const cells = [
    what.padEnd(20),
    `measured ${show(measured, unit).padStart(6)}`,
    target === undefined ? `target ${'-'.padStart(8)}` : `target ≥ ${show(target, unit).padStart(6)}`,
    `ceiling ${show(ceiling, unit).padStart(6)}`,
  ];
  if (target !== undefined) cells.push(measured >= target ? 'ok' : 'BELOW TARGET');
  return cells.join('  ');
}
