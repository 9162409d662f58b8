import { describe, expect, it } from 'vitest';
import { verdictLine } from '../bench/verdictLine.js';

describe("the bench's verdict lines", () => {
  it('says ok at or above the target, with measured, target and ceiling', () => {
    const line = verdictLine('fake / bare+crypto', { measured: 0.7, target: 0.7, ceiling: 1 });
    expect(line).toMatch(
      /^fake \/ bare\+crypto\s+measured\s+0\.70x\s+target ≥\s+0\.70x\s+ceiling\s+1\.00x\s+ok$/,
    );
  });

  it('says BELOW TARGET under it, and prints req/s without a unit', () => {
    const line = verdictLine('fake req/s', { measured: 1999.6, target: 2100.2, ceiling: 3000, unit: '' });
    expect(line).toMatch(/measured\s+2000\s+target ≥\s+2100\s+ceiling\s+3000\s+BELOW TARGET$/);
  });

  it('has no verdict for a figure that is itself a ceiling', () => {
    const line = verdictLine('bare+crypto / bare', { measured: 0.13, ceiling: 1 });
    expect(line).toMatch(/measured\s+0\.13x\s+target\s+-\s+ceiling\s+1\.00x$/);
  });
});
