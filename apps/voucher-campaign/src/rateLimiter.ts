/**
 * Spaces calls evenly at `perSecond` (no bursts: the gateway's rate limits are per second, and an even
 * pace keeps a campaign clear of them). `undefined` means no limit.
 */
export function createRateLimiter(perSecond: number | undefined, now = () => performance.now()) {
  if (perSecond === undefined) return { take: async () => {} };
  const interval = 1000 / perSecond;
  let next = now();
  return {
    /** Resolves when the caller may start its call. */
    async take(): Promise<void> {
      const t = now();
      const slot = Math.max(next, t);
      next = slot + interval;
      if (slot > t) await new Promise((resolve) => setTimeout(resolve, slot - t));
    },
  };
}
