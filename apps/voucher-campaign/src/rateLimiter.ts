import { abortableDelay } from './abortableDelay';

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
 *
 * Callers are let through one at a time, in order, each `1 / perSecond` after the previous one was
 * actually let through. Slots are not booked ahead: when the event loop stalls (a busy machine, a long
 * GC), timers booked ahead would all fire together when it wakes and send a burst.
 */
export function createRateLimiter(perSecond: number | undefined, now = () => performance.now()): RateLimiter {
  if (perSecond === undefined) return unlimited;
  const interval = 1000 / perSecond;
  let last = Number.NEGATIVE_INFINITY; // when the previous caller was let through
  let queue: Promise<void> = Promise.resolve();
  return {
    acquire(signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      let gaveUp = false;
      const turn = queue.then(async () => {
        if (gaveUp) return; // a caller that gave up before its turn takes no slot
        const wait = last + interval - now();
        if (wait > 0) await abortableDelay(wait, signal);
        last = now();
      });
      queue = turn.catch(() => undefined);
      if (!signal) return turn;
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          gaveUp = true;
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        turn.then(
          () => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      });
    },
  };
}
