import { describe, expect, it } from 'vitest';
import { type AlipayClientOptions, AlipayValidationError, createAlipayClient } from '../src/index.js';
import { testKeys } from './helpers/keys.js';

const { app, alipay } = testKeys();
const valid: AlipayClientOptions = {
  appId: '2021000000000001',
  privateKey: app.privateKey,
  alipayPublicKey: alipay.publicKey,
};

function rejection(options: unknown): AlipayValidationError {
  try {
    createAlipayClient(options as AlipayClientOptions);
  } catch (error) {
    if (error instanceof AlipayValidationError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('createAlipayClient options', () => {
  it('accepts the minimal public-key options, and a bare-base64 PKCS#1 key', async () => {
    expect(createAlipayClient(valid).marketing.voucher.send).toBeTypeOf('function');
    const { createPrivateKey } = await import('node:crypto');
    const pkcs1 = createPrivateKey(app.privateKey)
      .export({ type: 'pkcs1', format: 'der' })
      .toString('base64');
    expect(() => createAlipayClient({ ...valid, privateKey: `\r\n ${pkcs1} \r\n` })).not.toThrow();
  });

  it.each<[string, Record<string, unknown>, Partial<AlipayValidationError>]>([
    ['no appId', { appId: undefined }, { field: 'appId', rule: 'required' }],
    ['an appId over the spec limit', { appId: '1'.repeat(33) }, { field: 'appId', rule: 'maxLength' }],
    ['a malformed private key', { privateKey: 'not a key' }, { field: 'privateKey', rule: 'key' }],
    ['a public key as private key', { privateKey: alipay.publicKey }, { field: 'privateKey', rule: 'key' }],
    ['no Alipay key', { alipayPublicKey: undefined }, { field: 'alipayPublicKey', rule: 'required' }],
    ['a malformed Alipay key', { alipayPublicKey: 'AAAA' }, { field: 'alipayPublicKey', rule: 'key' }],
    ['both modes', { alipayPublicCert: 'x' }, { field: 'alipayPublicKey', rule: 'conflict' }],
    [
      'an incomplete certificate mode',
      { alipayPublicKey: undefined, appCert: 'x' },
      { field: 'alipayPublicCert', rule: 'required' },
    ],
    ['an unknown gateway name', { gateway: 'staging' }, { field: 'gateway', rule: 'pattern' }],
    [
      'a gateway with a query',
      { gateway: 'https://example.com/gateway.do?charset=utf-8' },
      { field: 'gateway', rule: 'pattern' },
    ],
    ['an ftp gateway', { gateway: 'ftp://example.com' }, { field: 'gateway', rule: 'pattern' }],
    ['an upper-case charset', { charset: 'UTF-8' }, { field: 'charset', rule: 'enum' }],
    ['an unknown sign type', { signType: 'RSA256' }, { field: 'signType', rule: 'enum' }],
    ['a negative timeout', { timeoutMs: -1 }, { field: 'timeoutMs', rule: 'type' }],
    ['fractional retries', { maxRetries: 1.5 }, { field: 'maxRetries', rule: 'type' }],
    ['maxMs under initialMs', { retryDelay: { initialMs: 100, maxMs: 10 } }, { field: 'retryDelay.maxMs' }],
    ['a long app_auth_token', { appAuthToken: 'x'.repeat(41) }, { field: 'appAuthToken', rule: 'maxLength' }],
    ['a bad AES key', { encryptKey: 'c2hvcnQ=' }, { field: 'encryptKey', rule: 'key' }],
    ['a non-function fetch', { fetch: 'x' }, { field: 'fetch', rule: 'type' }],
    ['a logger without functions', { logger: { debug: 1 } }, { field: 'logger', rule: 'type' }],
    ['a misspelt option', { alipayPublickey: 'x' }, { field: 'alipayPublickey', rule: 'unknown' }],
  ])('rejects %s, naming the field', (_name, patch, want) => {
    const error = rejection({ ...valid, ...patch });
    expect(error).toMatchObject(want);
    expect(error.message).toMatch(`options.${want.field}`);
  });

  it('never echoes a key in a message', () => {
    const body = app.privateKey.split('\n')[1]!;
    for (const patch of [
      { privateKey: `${app.privateKey}garbage!` },
      { alipayPublicKey: app.privateKey },
      { privateKey: 123 },
    ]) {
      const error = rejection({ ...valid, ...patch });
      expect(error.message).not.toContain(body.slice(0, 16));
      expect(String(error.cause ?? '')).not.toContain(body.slice(0, 16));
    }
  });
});

describe('send() per-call options', () => {
  let calls = 0;
  const client = createAlipayClient({
    ...valid,
    fetch: async () => {
      calls++;
      throw new Error('no request should be made');
    },
  });
  const params = { template_id: 'T1', out_biz_no: 'call-options-1', user_id: '2088102122524333' };
  const refusal = (call: unknown) =>
    client.marketing.voucher
      .send(params, call as Parameters<typeof client.marketing.voucher.send>[1])
      .then(() => {
        throw new Error('expected a validation error');
      })
      .catch((error: unknown) => error as AlipayValidationError);

  it.each([
    [
      'a misspelt maxRetries',
      { retries: 0 },
      { field: 'retries', rule: 'unknown' },
      /not an option of send\(\); known: signal, timeoutMs, maxRetries/,
    ],
    [
      'a misspelt timeoutMs',
      { timeout: 50 },
      { field: 'timeout', rule: 'unknown' },
      /options.timeout is not an option/,
    ],
    [
      'a signal that is not one',
      { signal: 'stop' },
      { field: 'signal', rule: 'type' },
      /options.signal must be an AbortSignal/,
    ],
    ['a negative timeout', { timeoutMs: -5 }, { field: 'timeoutMs', rule: 'type' }, /timeoutMs/],
    ['not an object', 5, { field: 'call', rule: 'type' }, /must be an object/],
  ])('refuses %s before any request', async (_name, call, want, message) => {
    const error = await refusal(call);
    expect(error).toBeInstanceOf(AlipayValidationError);
    expect(error).toMatchObject(want);
    expect(error.message).toMatch(message);
    expect(calls).toBe(0);
  });
});
