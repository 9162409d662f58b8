import { describe, expect, it } from 'vitest';
import {
  type AlipayClientOptions,
  AlipayError,
  AlipayValidationError,
  createAlipayClient,
  type VoucherSendParams,
} from '../src/index.js';
import { testKeys } from './helpers/keys.js';
import { miniGateway, success } from './helpers/miniGateway.js';

const keys = testKeys();
const valid: AlipayClientOptions = {
  appId: '2021000000000001',
  privateKey: keys.app.privateKey,
  alipayPublicKey: keys.alipay.publicKey,
};
const nullProto = <T extends object>(o: T): T => Object.assign(Object.create(null) as T, o);
const creation = (options: unknown): unknown => {
  try {
    createAlipayClient(options as AlipayClientOptions);
    return undefined;
  } catch (error) {
    return error;
  }
};
// Secrets a user could paste into the wrong option: an AES key, an app_auth_token.
const AES_KEY = 'aGVsbG8tYWVzLWtleS0xNg==';
const TOKEN = '201510BB0c409dd5758b4d939d4008a525463X42';

describe('only own properties count', () => {
  it('an inherited user_id (a polluted Object.prototype) never reaches the signed content', async () => {
    const gw = miniGateway(keys, () => success('V1', '2088000000000777'));
    const client = createAlipayClient({ ...valid, fetch: gw.fetch });
    const proto = Object.prototype as Record<string, unknown>;
    proto.user_id = '2088000000000666';
    try {
      await client.marketing.voucher.send({ template_id: 'T1', out_biz_no: 'own-1', login_id: 'a@b.c' });
    } finally {
      delete proto.user_id;
    }
    const biz = JSON.parse(gw.seen[0]!.params.biz_content!) as Record<string, string>;
    expect(biz).toEqual({ template_id: 'T1', login_id: 'a@b.c', out_biz_no: 'own-1' });
  });

  it('inherited options (gateway, timeoutMs, appAuthToken) are ignored', async () => {
    const gw = miniGateway(keys, () => success());
    const proto = Object.prototype as Record<string, unknown>;
    Object.assign(proto, { gateway: 'http://10.0.0.9/evil', appAuthToken: 'polluted', maxRetries: 'x' });
    try {
      const client = createAlipayClient({ ...valid, fetch: gw.fetch });
      await client.marketing.voucher.send({
        template_id: 'T1',
        out_biz_no: 'own-2',
        user_id: '2088000000000001',
      });
    } finally {
      for (const k of ['gateway', 'appAuthToken', 'maxRetries']) delete proto[k];
    }
    expect(gw.seen[0]!.url.origin).toBe('https://openapi.alipay.com');
    expect(gw.seen[0]!.params.app_auth_token).toBeUndefined();
  });

  it('null-prototype options, params and call options are valid', async () => {
    const gw = miniGateway(keys, () => success());
    const client = createAlipayClient(
      nullProto({ ...valid, fetch: gw.fetch, retryDelay: nullProto({ initialMs: 1 }) }),
    );
    const params = nullProto({ template_id: 'T1', out_biz_no: 'np-1', user_id: '2088000000000001' });
    await expect(client.marketing.voucher.send(params, nullProto({ maxRetries: 0 }))).resolves.toEqual({
      voucher_id: 'V0001',
      user_id: '2088000000000001',
    });
  });
});

describe('every bad input is a typed error (never TypeError or URIError), nothing sent', () => {
  const gw = miniGateway(keys, () => success());
  const client = createAlipayClient({ ...valid, fetch: gw.fetch, maxRetries: 2 });
  const base = { template_id: 'T1', out_biz_no: 'bad-1', user_id: '2088000000000001' };
  const refusal = async (params: unknown, call?: unknown) => {
    const before = gw.seen.length;
    const error = await client.marketing.voucher.send(params as VoucherSendParams, call as undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(gw.seen.length).toBe(before);
    expect(error).toBeInstanceOf(AlipayValidationError);
    return error as AlipayValidationError;
  };

  it.each([
    ['an object with aborted: false', { aborted: false }],
    [
      'a full look-alike',
      {
        aborted: false,
        reason: undefined,
        throwIfAborted() {},
        addEventListener() {},
        removeEventListener() {},
      },
    ],
    ['a null-prototype object', nullProto({ aborted: false, reason: undefined })],
  ])('a signal-like %s is refused as not an AbortSignal', async (_name, signal) => {
    const error = await refusal(base, { signal });
    expect(error).toMatchObject({ field: 'signal', rule: 'type', attempts: 0, mayHaveIssued: false });
  });

  it.each([
    ['memo', { memo: 'half \uD83D a pair' }],
    ['login_id', { user_id: undefined, login_id: '\uDC00@b.c' }],
    ['taobao_nick', { user_id: undefined, taobao_nick: 'nick\uD800' }],
    ['out_biz_no', { out_biz_no: 'order-\uDFFF' }],
  ])(
    'a lone surrogate in %s is refused as unencodable, never a retryable connection error',
    async (field, patch) => {
      const error = await refusal({ ...base, ...patch });
      expect(error).toMatchObject({ field, rule: 'charset', retryable: false });
      expect(error.message).toMatch(/lone surrogate/);
      // A whole pair (an emoji) is fine.
      await expect(client.marketing.voucher.send({ ...base, [field]: '🎉' })).resolves.toBeDefined();
    },
  );

  it('params whose property throws when read: a validation error, with the cause', async () => {
    const params = { ...base };
    Object.defineProperty(params, 'memo', {
      enumerable: true,
      get() {
        throw new TypeError('boom');
      },
    });
    const error = await refusal(params);
    expect(error).toMatchObject({ field: 'params', rule: 'type' });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('options or params that throw when read (a revoked Proxy): a validation error, with the cause', async () => {
    const { proxy, revoke } = Proxy.revocable({ ...valid }, {});
    revoke();
    const error = creation(proxy);
    expect(error).toMatchObject({ name: 'AlipayValidationError', field: 'options', rule: 'type' });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    const revoked = Proxy.revocable({ ...base }, {});
    revoked.revoke();
    expect(await refusal(revoked.proxy)).toMatchObject({ field: 'params', rule: 'type' });
  });

  it.each<[string, Partial<Record<keyof AlipayClientOptions, unknown>>, string]>([
    ['a lone surrogate in appAuthToken', { appAuthToken: `tok\uD800en-123` }, 'appAuthToken'],
    ['a null-prototype object as gateway', { gateway: nullProto({}) }, 'gateway'],
    ['a null-prototype object as timeoutMs', { timeoutMs: nullProto({}) }, 'timeoutMs'],
    ['an unknown retryDelay key', { retryDelay: { initial: 5 } }, 'retryDelay.initial'],
  ])('%s at creation → AlipayValidationError naming %s', (_name, patch, field) => {
    const error = creation({ ...valid, ...patch });
    expect(error).toBeInstanceOf(AlipayValidationError);
    expect(error).toMatchObject({ field });
  });
});

describe('messages are bounded and never echo a secret, even a misplaced one', () => {
  const huge = 'x'.repeat(5 * 1024 * 1024);
  it.each<[string, Partial<Record<keyof AlipayClientOptions | string, unknown>>]>([
    ['a 5 MB option name', { [huge]: 1 }],
  ])('%s → a short message', (_name, patch) => {
    const error = creation({ ...valid, ...patch }) as Error;
    expect(error).toBeInstanceOf(AlipayError);
    expect(error.message.length).toBeLessThan(600);
  });

  it.each([
    ['an unknown business field 5 MB long', { [huge]: 'x' }],
    ['a 5 MB amount', { amount: `${'1'.repeat(5 * 1024 * 1024)}.00` }],
    ['a 5 MB amount that is not #.00', { amount: huge }],
  ])('%s → a short message', async (_name, patch) => {
    const client = createAlipayClient(valid);
    const error = (await client.marketing.voucher
      .send({
        template_id: 'T1',
        out_biz_no: 'o',
        user_id: '2088000000000001',
        ...patch,
      } as VoucherSendParams)
      .catch((e: unknown) => e)) as AlipayValidationError;
    expect(error).toBeInstanceOf(AlipayValidationError);
    expect(error.message.length).toBeLessThan(600);
    expect(error.field.length).toBeLessThan(64);
  });

  it.each([
    ['an AES key pasted into gateway', { gateway: AES_KEY }, AES_KEY],
    ['a token pasted into gateway', { gateway: TOKEN }, TOKEN],
    ['an AES key pasted into appId', { appId: AES_KEY }, AES_KEY],
    ['an AES key as timeoutMs', { timeoutMs: AES_KEY }, AES_KEY],
  ])('%s: the value is not in the message', (_name, patch, secret) => {
    const error = creation({ ...valid, ...patch }) as AlipayValidationError;
    expect(error).toBeInstanceOf(AlipayValidationError);
    for (const part of [secret, secret.slice(0, 12), secret.slice(-12)]) {
      expect(error.message).not.toContain(part);
      expect(JSON.stringify(error)).not.toContain(part);
    }
  });
});
