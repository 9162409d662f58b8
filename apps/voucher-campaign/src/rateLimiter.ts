/**
 * Bounds the requests a campaign puts on the gateway. `acquire()` is awaited before EVERY request,
 * retries included: the gateway's rate limit counts requests, not recipients. A local limiter paces
 * one process; a shared one (the Postgres journal's) paces every worker of a campaign together.
 */
export interface RateLimiter {
  /**
   * Resolves when the caller may send one request. Rejects with the signal's reason as soon as
   * `signal` aborts (Ctrl-C must not wait out a slot that may be many seconds away).
   */
  acquire(signal?: AbortSignal): Promise<void>;
}

/** No limit: resolves at once (unless the signal has aborted). */
export const unlimited: RateLimiter = {
  acquire: async (signal) => {
    signal?.throwIfAborted();
  },
};

/**
 * Spaces requests evenly at `perSecond` (no bursts: the gateway's rate limits are per second, and an
 * even pace keeps a campaign clear of them). `undefined` means no limit.
 */
export function createRateLimiter(perSecond: number | undefined, now = () => performance.now()): RateLimiter {
  if (perSecond === undefined) return unlimited;
  const interval = 1000 / perSecond;
  let next = now();
  return {
    async acquire(signal?: AbortSignal): Promise<void> {
      signal?.throwIfAborted();
      const t = now();
      const slot = Math.max(next, t);
      next = slot + interval;
      if (slot <= t) return;
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          clearTimeout(timer);
          // The slot is given back when nobody queued behind it, so a stopped wait costs no rate.
          if (next === slot + interval) next = slot;
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
