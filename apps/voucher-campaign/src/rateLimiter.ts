/**
 * Spaces calls evenly at `perSecond` (no bursts: the gateway's rate limits are per second, and an even
 * pace keeps a campaign clear of them). `undefined` means no limit.
 */
export function createRateLimiter(perSecond: number | undefined, now = () => performance.now()) {
  if (perSecond === undefined) {
    return {
      take: async (signal?: AbortSignal): Promise<void> => {
        signal?.throwIfAborted();
      },
    };
  }
  const interval = 1000 / perSecond;
  let next = now();
  return {
    /**
     * Resolves when the caller may start its call. Rejects with the signal's reason as soon as `signal`
     * aborts (Ctrl-C must not wait out a slot that may be many seconds away).
     */
    async take(signal?: AbortSignal): Promise<void> {
      signal?.throwIfAborted();
      const t = now();
      const slot = Math.max(next, t);
      next = slot + interval;
      if (slot <= t) return;
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal?.reason);
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, slot - t);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
