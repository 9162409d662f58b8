import { formatTimestamp } from '@aopkit/signer';
import { GATEWAYS } from '@aopkit/types';
import { describe, expect, it, vi } from 'vitest';
import {
  AlipayApiError,
  AlipayConnectionError,
  AlipayResponseError,
  AlipaySignatureError,
  createAlipayClient,
} from '../src/index.js';
import { testKeys } from './helpers/keys.js';
import { failure, miniGateway, success } from './helpers/miniGateway.js';

const keys = testKeys();
const params = {
  template_id: 'T1',
  out_biz_no: 'order-1',
  user_id: '2088000000000001',
  memo: '新年快乐 & 100%',
};
const clientWith = (fetch: typeof globalThis.fetch, extra = {}) =>
  createAlipayClient({
    appId: '2021000000000001',
    privateKey: keys.app.privateKey,
    alipayPublicKey: keys.alipay.publicKey,
    fetch,
    retryDelay: { initialMs: 1, maxMs: 2 },
    ...extra,
  });

describe('send over an injected fetch (real signatures both ways)', () => {
  it('sends the common parameters in the query and biz_content in the form body, signed', async () => {
    const gw = miniGateway(keys, () => success());
    await expect(clientWith(gw.fetch).marketing.voucher.send(params)).resolves.toEqual({
      voucher_id: 'V0001',
      user_id: '2088000000000001',
    });
    const [req] = gw.seen;
    expect(req!.signatureValid).toBe(true);
    expect(`${req!.url.origin}${req!.url.pathname}`).toBe(GATEWAYS.production);
    expect(req!.contentType).toBe('application/x-www-form-urlencoded;charset=utf-8');
    expect(Object.keys(req!.form)).toEqual(['biz_content']);
    expect(Object.keys(req!.query).sort()).toEqual([
      'app_id',
      'charset',
      'format',
      'method',
      'sign',
      'sign_type',
      'timestamp',
      'version',
    ]);
    expect(req!.query).toMatchObject({
      method: 'alipay.marketing.voucher.send',
      charset: 'utf-8',
      sign_type: 'RSA2',
      version: '1.0',
      format: 'JSON',
    });
    expect(JSON.parse(req!.form.biz_content!)).toEqual(params);
  });

  it('stamps Beijing time whatever the host time zone', async () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 0, 1, 20, 0, 0), toFake: ['Date'] });
    try {
      const gw = miniGateway(keys, () => success());
      await clientWith(gw.fetch).marketing.voucher.send(params);
      expect(gw.seen[0]!.query.timestamp).toBe('2024-01-02 04:00:00');
      expect(gw.seen[0]!.query.timestamp).toBe(formatTimestamp());
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts app_auth_token in the body and signs it', async () => {
    const gw = miniGateway(keys, () => success());
    await clientWith(gw.fetch, {
      appAuthToken: '202306BB7c5f0d5e1e5d4d0bb8a3c9d6e5f4A123',
    }).marketing.voucher.send(params);
    expect(gw.seen[0]!.form.app_auth_token).toBe('202306BB7c5f0d5e1e5d4d0bb8a3c9d6e5f4A123');
    expect(gw.seen[0]!.query.app_auth_token).toBeUndefined();
    expect(gw.seen[0]!.signatureValid).toBe(true);
  });

  it('retries a 20000 with the identical biz_content, a fresh signature per attempt', async () => {
    const gw = miniGateway(keys, (_r, n) =>
      n < 3 ? failure('20000', 'Service Currently Unavailable', 'isp.unknow-error') : success(),
    );
    await clientWith(gw.fetch).marketing.voucher.send(params);
    expect(gw.seen).toHaveLength(3);
    expect(new Set(gw.seen.map((r) => r.form.biz_content)).size).toBe(1);
    expect(gw.seen.every((r) => r.signatureValid)).toBe(true);
  });

  it('refuses a success whose node was altered after signing', async () => {
    const gw = miniGateway(keys, () => success());
    const tampering: typeof fetch = async (input, init) => {
      const res = await gw.fetch(input, init);
      return new Response((await res.text()).replace('V0001', 'V0002'), { status: 200 });
    };
    const error = await clientWith(tampering)
      .marketing.voucher.send(params)
      .catch((e) => e);
    expect(error).toBeInstanceOf(AlipaySignatureError);
    expect(error).toMatchObject({ reason: 'bad-signature', retryable: false });
  });

  it('refuses an unsigned success and reports an unsigned error as unverified', async () => {
    const unsignedSuccess = miniGateway(keys, () => ({ ...success(), unsigned: true }));
    await expect(clientWith(unsignedSuccess.fetch).marketing.voucher.send(params)).rejects.toMatchObject({
      name: 'AlipaySignatureError',
      reason: 'missing-signature',
    });
    const unsignedError = miniGateway(keys, () => ({
      ...failure('40004', 'Business Failed', 'USER_NOT_EXIST'),
      unsigned: true,
    }));
    const error = await clientWith(unsignedError.fetch)
      .marketing.voucher.send(params)
      .catch((e) => e);
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({ verified: false, sub_code: 'USER_NOT_EXIST' });
  });

  it('maps transport failures to typed errors', async () => {
    const refused: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    };
    await expect(
      clientWith(refused, { maxRetries: 0 }).marketing.voucher.send(params),
    ).rejects.toBeInstanceOf(AlipayConnectionError);
    const html = miniGateway(keys, () => new Response('<html>oops</html>', { status: 200 }));
    await expect(clientWith(html.fetch).marketing.voucher.send(params)).rejects.toMatchObject({
      name: 'AlipayResponseError',
      status: 200,
    });
    const down = miniGateway(keys, () => new Response('bad gateway', { status: 502 }));
    const error = await clientWith(down.fetch, { maxRetries: 1 })
      .marketing.voucher.send(params)
      .catch((e) => e);
    expect(error).toBeInstanceOf(AlipayResponseError);
    expect(error).toMatchObject({ status: 502, retryable: true });
    expect(down.seen).toHaveLength(2);
  });
});
