import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/rateLimiter';

describe('createRateLimiter', () => {
  it('spaces calls at the rate', async () => {
    const limiter = createRateLimiter(20); // one per 50 ms
    const start = performance.now();
    for (let i = 0; i < 4; i++) await limiter.acquire();
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('stops a wait as soon as the signal aborts, with its reason', async () => {
    // One per 1,000 s: a wait the signal did not cut short would run into the test's time limit.
    const limiter = createRateLimiter(0.001);
    const controller = new AbortController();
    await limiter.acquire(controller.signal); // the first slot is now
    const waiting = limiter.acquire(controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(waiting).rejects.toThrow('stop');
    await expect(limiter.acquire(controller.signal)).rejects.toThrow('stop');
  });
});

describe('createRateLimiter after a stalled event loop', () => {
  it('lets queued callers out one interval apart, not in a burst', async () => {
    const limiter = createRateLimiter(20); // one per 50 ms
    const released: number[] = [];
    const waits = Array.from({ length: 6 }, () =>
      limiter.acquire().then(() => released.push(performance.now())),
    );
    // Block the event loop for 300 ms while five callers wait for their slots: slots booked ahead
    // would all be due when it wakes, and leave together.
    const until = performance.now() + 300;
    while (performance.now() < until) {
      // busy: the stall a loaded machine causes
    }
    await Promise.all(waits);
    const gaps = released.slice(1).map((t, i) => t - (released[i] as number));
    // setTimeout may fire up to a millisecond early.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(48);
  });
});
