// AES content encryption (PROTOCOL §5, §10), real crypto both ways: the request's biz_content is
// encrypted then signed, and business answers come back as an encrypted, signed string token.
import { aesDecrypt, aesEncrypt, createVerifier } from '@aopkit/signer';
import { RESPONSE_NODE, RESULT_CODES, SUB_CODES, type SubCode } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { createFakeGateway, demoFixtures } from '../src/index.js';
import { signedParams } from './helpers/buildRequest.js';
import type { Answer } from './helpers/readAnswer.js';
import { demoApp, okBiz, useMswGateway } from './helpers/setup.js';

const KEY = 'MDEyMzQ1Njc4OWFiY2RlZg=='; // base64 of "0123456789abcdef"
const OTHER_KEY = Buffer.alloc(16, 9).toString('base64');
const aesApp = { appId: '2021000000000003', privateKey: demoApp.privateKey };

const { gateway, post } = useMswGateway({
  fixtures: {
    ...demoFixtures,
    apps: [...demoFixtures.apps, { ...demoFixtures.apps[0], appId: aesApp.appId, encryptKey: KEY }],
  },
});

/** An encrypt_type=AES request: biz_content encrypted with `key`, then everything signed. */
async function sendAes(
  biz: Record<string, unknown> | string,
  options: { key?: string; app?: typeof aesApp; params?: Record<string, string | undefined> } = {},
): Promise<Answer> {
  const plain = typeof biz === 'string' ? biz : JSON.stringify(biz);
  const ciphertext = await aesEncrypt(plain, options.key ?? KEY);
  return post(
    await signedParams({
      app: options.app ?? aesApp,
      biz: ciphertext,
      params: { encrypt_type: 'AES', ...options.params },
    }),
  );
}

/** The encrypted node: the quoted token's signature checked by hand, then the text decrypted. */
async function openNode(answer: Answer): Promise<Record<string, string>> {
  expect(answer.verified).toBe(true);
  expect(typeof answer.node).toBe('string');
  const match = /^\{"alipay_marketing_voucher_send_response":("[A-Za-z0-9+/=]+"),"sign":"([^"]+)"\}$/.exec(
    answer.raw,
  );
  expect(match).not.toBeNull();
  const [, token, sign] = match as unknown as [string, string, string];
  const verifier = createVerifier({ alipayPublicKey: gateway.alipayPublicKey });
  // The signature covers the token with its quotes (Java), not the bare base64.
  expect(await verifier.verify(token, sign)).toBe(true);
  expect(await verifier.verify(token.slice(1, -1), sign)).toBe(false);
  return JSON.parse(await aesDecrypt(JSON.parse(token) as string, KEY));
}

const expectPlain = (answer: Answer, subCode: SubCode) => {
  const info = SUB_CODES[subCode];
  expect(answer.verified).toBe(true);
  expect(answer.nodeName).toBe(RESPONSE_NODE);
  expect(answer.node).toMatchObject({ code: info.code, msg: RESULT_CODES[info.code].msg, sub_code: subCode });
  expect(gateway.requests.at(-1)?.encrypted).toBe(false);
};

describe('AES content encryption', () => {
  it('decrypts biz_content, issues, and answers with an encrypted node signed over the quoted token', async () => {
    const biz = okBiz('aes-1', { memo: '加密备注' });
    const answer = await sendAes(biz);
    const node = await openNode(answer);
    expect(node).toEqual({
      code: '10000',
      msg: 'Success',
      voucher_id: gateway.vouchers[0]!.voucher_id,
      user_id: '2088000000000002',
    });
    expect(gateway.vouchers[0]).toMatchObject({
      out_biz_no: 'aes-1',
      memo: '加密备注',
      app_id: aesApp.appId,
    });
    // The log keeps the wire (ciphertext in params, so the signed string can be rebuilt) and shows
    // the business content as decrypted.
    const entry = gateway.requests.at(-1)!;
    expect(entry).toMatchObject({ encrypted: true, signed: true, verdict: { code: '10000' } });
    expect(entry.params.biz_content).toBe(await aesEncrypt(JSON.stringify(biz), KEY));
    expect(JSON.parse(entry.bizContent!)).toEqual(biz);
  });

  it('a retry with the same ciphertext returns the same voucher, encrypted again', async () => {
    const first = await openNode(await sendAes(okBiz('aes-retry')));
    const again = await openNode(await sendAes(okBiz('aes-retry')));
    expect(again.voucher_id).toBe(first.voucher_id);
    expect(gateway.vouchers).toHaveLength(1);
  });

  it.each([
    ['an expired template', okBiz('aes-b1', { template_id: 'TPL_VOUCHER_EXPIRED' }), 'TEMPLATE_EXPIRED'],
    ['a frozen user', okBiz('aes-b2', { user_id: '2088000000000009' }), 'USER_STATUS_ERROR'],
    [
      'an unknown field (spec check on the decrypted JSON)',
      okBiz('aes-b3', { templateId: 'x' }),
      'INVALID_PARAMETER',
    ],
    ['a JSON array', [okBiz('aes-b4')], 'INVALID_PARAMETER'],
  ] as const)('a business failure (%s) comes back encrypted', async (_, biz, subCode) => {
    const node = await openNode(await sendAes(biz as unknown as Record<string, unknown>));
    expect(node).toMatchObject({ code: '40004', msg: 'Business Failed', sub_code: subCode });
    expect(gateway.vouchers).toHaveLength(0);
    expect(gateway.requests.at(-1)?.encrypted).toBe(true);
  });

  it('AES without biz_content: nothing to decrypt, INVALID_PARAMETER, encrypted', async () => {
    const params = await signedParams({
      app: aesApp,
      params: { encrypt_type: 'AES', biz_content: undefined },
    });
    const node = await openNode(await post(params));
    expect(node).toMatchObject({ code: '40004', sub_code: 'INVALID_PARAMETER' });
    expect(node.sub_msg).toContain('biz_content');
  });

  it.each([
    ['encrypted with another key', () => sendAes(okBiz('aes-k1'), { key: OTHER_KEY })],
    [
      'not base64 of whole blocks',
      async () =>
        post(await signedParams({ app: aesApp, biz: 'bm90IGJsb2Nrcw==', params: { encrypt_type: 'AES' } })),
    ],
    [
      'plain JSON sent as if encrypted',
      async () =>
        post(await signedParams({ app: aesApp, biz: okBiz('aes-k2'), params: { encrypt_type: 'AES' } })),
    ],
    ['encrypted text that is not JSON', () => sendAes('template_id=TPL_VOUCHER_ACTIVE')],
  ])('a biz_content %s → 40002 isv.invalid-encrypt, plain and signed', async (_, send) => {
    const answer = await send();
    expectPlain(answer, 'isv.invalid-encrypt');
    expect(gateway.vouchers).toHaveLength(0);
    expect(gateway.requests.at(-1)?.bizContent).toBeUndefined();
  });

  it('encrypt_type=AES for an app without an AES key → isv.decryption-error-not-valid-encrypt-key', async () => {
    const answer = await sendAes(okBiz('aes-n1'), { app: demoApp });
    expectPlain(answer, 'isv.decryption-error-not-valid-encrypt-key');
  });

  it('an encrypt_type other than AES → isv.invalid-encrypt-type, even for an app with a key', async () => {
    const answer = await sendAes(okBiz('aes-t1'), { params: { encrypt_type: 'aes' } });
    expectPlain(answer, 'isv.invalid-encrypt-type');
  });

  it('the signature is checked first: a tampered AES request → isv.invalid-signature, plain', async () => {
    const params = await signedParams({
      app: aesApp,
      biz: await aesEncrypt(JSON.stringify(okBiz('aes-s1')), KEY),
    });
    // encrypt_type is signed: adding it after signing breaks the signature.
    const answer = await post({ ...params, encrypt_type: 'AES' });
    expectPlain(answer, 'isv.invalid-signature');
  });

  it('ciphertext without encrypt_type is read as business content: not JSON → INVALID_PARAMETER, plain', async () => {
    const ciphertext = await aesEncrypt(JSON.stringify(okBiz('aes-m1')), KEY);
    const answer = await post(await signedParams({ app: aesApp, biz: ciphertext }));
    expectPlain(answer, 'INVALID_PARAMETER');
    expect(answer.node.sub_msg).toContain('not valid JSON');
  });

  it('an app with a key still accepts plain requests, and answers them plainly', async () => {
    const answer = await post(await signedParams({ app: aesApp, biz: okBiz('aes-p1') }));
    expect(answer).toMatchObject({ verified: true, node: { code: '10000' } });
    expect(gateway.requests.at(-1)).toMatchObject({
      encrypted: false,
      bizContent: JSON.stringify(okBiz('aes-p1')),
    });
  });

  it('scripted faults after decryption: business-like SYSTEM_ERROR is encrypted, gateway 20000 is plain', async () => {
    gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    expect(await openNode(await sendAes(okBiz('aes-f1')))).toMatchObject({
      code: '40004',
      sub_code: 'SYSTEM_ERROR',
    });
    gateway.nextCall({ sub_code: 'isp.unknow-error' });
    expectPlain(await sendAes(okBiz('aes-f1')), 'isp.unknow-error');
    expect(gateway.vouchers).toHaveLength(0);
    // The retry goes through and is encrypted.
    expect(await openNode(await sendAes(okBiz('aes-f1')))).toMatchObject({ code: '10000' });
  });

  it('GBK requests: the token is signed in the request charset like any node', async () => {
    const ciphertext = await aesEncrypt(JSON.stringify(okBiz('aes-g1')), KEY);
    const params = await signedParams({
      app: aesApp,
      biz: ciphertext,
      charset: 'gbk',
      params: { encrypt_type: 'AES' },
    });
    const answer = await post(params, { charset: 'gbk' });
    expect(answer.verified).toBe(true);
    expect(JSON.parse(await aesDecrypt(answer.node as unknown as string, KEY))).toMatchObject({
      code: '10000',
    });
  });
});

describe('encryptKey configuration', () => {
  const base = { appId: '2021000000000099', publicKey: demoFixtures.apps[0].publicKey };

  it.each([
    ['not base64 of 16 bytes', 'c2VjcmV0LWtleS10ZXh0LWxvbmdlcg=='],
    ['too short', 'c2VjcmV0'],
    ['not a string', 42],
  ])('fixtures: an encryptKey %s throws naming the field, never the key', (_, encryptKey) => {
    const create = () =>
      createFakeGateway({ fixtures: { apps: [{ ...base, encryptKey: encryptKey as string }] } });
    // Typed since issue #13 (it was a TypeError).
    expect(create).toThrow(
      expect.objectContaining({ code: 'ERR_FAKE_CONFIG', field: 'fixtures.apps[0].encryptKey' }),
    );
    expect(create).toThrow(/app 2021000000000099: encryptKey must be the base64 of a 16-byte AES key/);
    expect(create).not.toThrow(String(encryptKey));
  });

  it('registerApp takes a key (trimmed), generates one on request, refuses a bad one', () => {
    const fake = createFakeGateway();
    expect(fake.registerApp({ publicKey: base.publicKey, encryptKey: ` ${KEY}\n` }).encryptKey).toBe(KEY);
    const generated = fake.registerApp({ encryptKey: true }).encryptKey!;
    expect(Buffer.from(generated, 'base64')).toHaveLength(16);
    expect(generated).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(fake.registerApp({ encryptKey: true }).encryptKey).not.toBe(generated);
    expect(fake.registerApp({ publicKey: base.publicKey })).not.toHaveProperty('encryptKey');
    expect(() => fake.registerApp({ publicKey: base.publicKey, encryptKey: 'secret-value' })).toThrow(
      /encryptKey/,
    );
    expect(() => fake.registerApp({ publicKey: base.publicKey, encryptKey: 'secret-value' })).not.toThrow(
      /secret-value/,
    );
  });
});
