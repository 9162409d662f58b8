import { describe, expect, it } from 'vitest';
import { AlipayTimeoutError, createAlipayClient } from '../src/index.js';
import { testKeys } from './helpers/keys.js';

const keys = testKeys();
const params = { template_id: 'T1', out_biz_no: 'slow-1', user_id: '2088000000000001' };
let calls = 0;
// Never answers; ends only when the request's signal aborts, as a real fetch does.
const hanging: typeof fetch = (input, init) => {
  calls++;
  const signal = input instanceof Request ? input.signal : init?.signal;
  return new Promise((_, reject) =>
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
  );
};
const client = createAlipayClient({
  appId: '2021000000000001',
  privateKey: keys.app.privateKey,
  alipayPublicKey: keys.alipay.publicKey,
  fetch: hanging,
  timeoutMs: 50,
  retryDelay: { initialMs: 1, maxMs: 1 },
});

describe('timeouts and aborts', () => {
  it('times each attempt out and retries up to maxRetries', async () => {
    calls = 0;
    const error = await client.marketing.voucher.send(params, { maxRetries: 2 }).catch((e) => e);
    expect(error).toBeInstanceOf(AlipayTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50, retryable: true });
    expect(calls).toBe(3);
  });

  it('honours a per-call timeoutMs', async () => {
    // The error names the budget that fired: the call's 10 ms, not the client's 50 (no wall clock,
    // which a loaded machine would stretch).
    const error = await client.marketing.voucher
      .send(params, { timeoutMs: 10, maxRetries: 0 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AlipayTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 10 });
  });

  it('stops at once on abort, rejecting with the reason, and retries no more', async () => {
    calls = 0;
    const controller = new AbortController();
    const reason = new Error('campaign cancelled');
    setTimeout(() => controller.abort(reason), 20);
    await expect(
      client.marketing.voucher.send(params, { signal: controller.signal, timeoutMs: 1000 }),
    ).rejects.toBe(reason);
    expect(calls).toBe(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    calls = 0;
    await expect(
      client.marketing.voucher.send(params, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(0);
  });

  it('stops during the backoff pause too', async () => {
    calls = 0;
    const slowRetry = createAlipayClient({
      appId: '2021000000000001',
      privateKey: keys.app.privateKey,
      alipayPublicKey: keys.alipay.publicKey,
      fetch: hanging,
      timeoutMs: 10,
      retryDelay: { initialMs: 10_000, maxMs: 10_000 },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 40);
    const started = Date.now();
    await expect(
      slowRetry.marketing.voucher.send(params, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toBe(1);
  });
});
