/** mulberry32: a tiny seeded PRNG; the same seed gives the same sequence in [0, 1) on every runtime. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and a counter into one 32-bit seed (golden-ratio stride, so neighbours differ). */
export const mixSeed = (seed: number, n: number): number => (seed ^ Math.imul(n + 1, 0x9e3779b9)) >>> 0;
