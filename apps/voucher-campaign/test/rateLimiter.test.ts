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
