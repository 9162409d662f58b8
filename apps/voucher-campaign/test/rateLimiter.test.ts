import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/rateLimiter';

describe('createRateLimiter', () => {
  it('spaces calls at the rate', async () => {
    const limiter = createRateLimiter(20); // one per 50 ms
    const start = performance.now();
    for (let i = 0; i < 4; i++) await limiter.take();
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('stops a wait as soon as the signal aborts, with its reason', async () => {
    const limiter = createRateLimiter(0.1); // one per 10 s
    const controller = new AbortController();
    await limiter.take(controller.signal); // the first slot is now
    const waiting = limiter.take(controller.signal);
    const start = performance.now();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(waiting).rejects.toThrow('stop');
    expect(performance.now() - start).toBeLessThan(1000);
    await expect(limiter.take(controller.signal)).rejects.toThrow('stop');
  });
});
