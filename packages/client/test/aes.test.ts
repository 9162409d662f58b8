import { createDecipheriv } from 'node:crypto';
import { aesDecrypt, canonicalize, createVerifier } from '@aopkit/signer';
import { describe, expect, it } from 'vitest';
import { AlipayApiError, AlipayResponseError } from '../src/index.js';
import { clientOf, nextOutBizNo, USER, useFakeGateway } from './helpers/fakeSetup.js';
import { testKeys } from './helpers/keys.js';

// The fake gateway, with an app that has an AES content key: it decrypts biz_content and answers
// business outcomes with an encrypted node, signed over the quoted token as Java expects.
const keys = testKeys();
const encryptKey = Buffer.alloc(16, 7).toString('base64');
const AES_APP_ID = '2021000000000003';
const fake = useFakeGateway();
const { gateway } = fake;
gateway.registerApp({ appId: AES_APP_ID, publicKey: keys.app.publicKey, encryptKey }); // kept across resets

const aesClient = (options: Parameters<typeof clientOf>[1] = {}) =>
  clientOf(fake, { appId: AES_APP_ID, encryptKey, ...options });
const paramsOf = (out_biz_no = nextOutBizNo('aes')) => ({
  template_id: 'T_VOUCHER',
  out_biz_no,
  user_id: USER.user_id,
});

describe('AES content encryption', () => {
  it('encrypts biz_content, signs encrypt_type, and decrypts the verified response', async () => {
    const params = paramsOf();
    const result = await aesClient().marketing.voucher.send(params);
    expect(result).toEqual({ voucher_id: gateway.vouchers[0]!.voucher_id, user_id: USER.user_id });
    const entry = gateway.requests.at(-1)!;
    expect(entry).toMatchObject({ app_id: AES_APP_ID, encrypted: true, verdict: { code: '10000' } });
    const { sign, ...sent } = entry.params;
    expect(sent.encrypt_type).toBe('AES');
    expect(sent.biz_content).not.toContain('template_id');
    expect(JSON.parse(await aesDecrypt(sent.biz_content!, encryptKey))).toEqual(params);
    expect(JSON.parse(entry.bizContent!)).toEqual(params);
    // The app's signature covers encrypt_type and the ciphertext.
    const signed = canonicalize(sent);
    expect(signed).toContain('encrypt_type=AES');
    expect(signed).toContain(`biz_content=${sent.biz_content}`);
    expect(await createVerifier({ alipayPublicKey: keys.app.publicKey }).verify(signed, sign!)).toBe(true);
  });

  it('in GBK, encrypts and decrypts the text in GBK bytes, so Chinese arrives intact', async () => {
    const params = { ...paramsOf(), memo: '六一红包' };
    const result = await aesClient({ charset: 'gbk' }).marketing.voucher.send(params);
    expect(result.voucher_id).toBe(gateway.vouchers[0]!.voucher_id);
    expect(gateway.vouchers[0]!.memo).toBe('六一红包');
    const entry = gateway.requests.at(-1)!;
    expect(entry).toMatchObject({ charset: 'gbk', encrypted: true });
    // Read as UTF-8, the GBK plaintext is not the business content: the bytes really are GBK.
    const asUtf8 = await aesDecrypt(entry.params.biz_content!, encryptKey).catch(() => '');
    expect(asUtf8).not.toContain('六一红包');
    expect(JSON.parse(await aesDecrypt(entry.params.biz_content!, encryptKey, { charset: 'gbk' }))).toEqual(
      params,
    );
  });

  it('in GBK, € and ♁ arrive intact both ways: Java bytes (A2E3, A892) in the ciphertexts, read back as Java reads them', async () => {
    const params = { ...paramsOf(), memo: '€100 ♁ 六一红包' };
    const result = await aesClient({ charset: 'gbk' }).marketing.voucher.send(params);
    expect(gateway.vouchers).toEqual([
      expect.objectContaining({ voucher_id: result.voucher_id, memo: params.memo }),
    ]);
    const entry = gateway.requests.at(-1)!;
    expect(entry).toMatchObject({ charset: 'gbk', encrypted: true, verdict: { code: '10000' } });
    // Decrypted independently (node:crypto): the plaintext bytes are Java's GBK, not Windows' 80 for €.
    const decipher = createDecipheriv('aes-128-cbc', Buffer.from(encryptKey, 'base64'), Buffer.alloc(16));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(entry.params.biz_content!, 'base64')),
      decipher.final(),
    ]);
    expect(plain.toString('hex')).toContain('a2e331303020a892');

    // The other way: an encrypted business failure whose sub_msg carries € and ♁, verified and decrypted.
    const subMsg = '模板不存在：€100 ♁';
    gateway.nextCall({ sub_code: 'TEMPLATE_NOT_EXIST', sub_msg: subMsg });
    const error = await aesClient({ charset: 'gbk' })
      .marketing.voucher.send(paramsOf())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({
      code: '40004',
      sub_code: 'TEMPLATE_NOT_EXIST',
      sub_msg: subMsg,
      verified: true,
    });
    expect(gateway.requests.at(-1)).toMatchObject({ encrypted: true, verdict: { sub_msg: subMsg } });
  });

  it('decrypts an encrypted business failure into AlipayApiError, verified', async () => {
    const error = await aesClient()
      .marketing.voucher.send({ ...paramsOf(), template_id: 'T_EXPIRED' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({ code: '40004', sub_code: 'TEMPLATE_EXPIRED', verified: true });
    expect(gateway.requests.at(-1)?.encrypted).toBe(true);
  });

  it('retries an encrypted SYSTEM_ERROR with the identical ciphertext, and issues once', async () => {
    gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    const result = await aesClient().marketing.voucher.send(paramsOf());
    expect(gateway.vouchers).toEqual([expect.objectContaining({ voucher_id: result.voucher_id })]);
    const [first, retry] = gateway.requests;
    expect(first).toMatchObject({ encrypted: true, verdict: { sub_code: 'SYSTEM_ERROR' } });
    expect(retry!.params.biz_content).toBe(first!.params.biz_content);
  });

  it('a key the gateway does not hold → 40002 isv.invalid-encrypt, a plain signed answer', async () => {
    const error = await aesClient({ encryptKey: Buffer.alloc(16, 8).toString('base64') })
      .marketing.voucher.send(paramsOf())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '40002', sub_code: 'isv.invalid-encrypt', verified: true });
    expect(gateway.vouchers).toHaveLength(0);
  });

  it('an app without an AES key → isv.decryption-error-not-valid-encrypt-key', async () => {
    const error = await clientOf(fake, { encryptKey })
      .marketing.voucher.send(paramsOf())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '40002', sub_code: 'isv.decryption-error-not-valid-encrypt-key' });
  });

  it('refuses an encrypted answer when the client has no key to read it', async () => {
    // A genuine encrypted answer of the fake (signed with its Alipay key), handed to a client
    // without encryptKey: the signature verifies, the node cannot be read.
    let encrypted = '';
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      encrypted = await response.text();
      return new Response(encrypted, { status: response.status, headers: response.headers });
    };
    await aesClient({ fetch: recording }).marketing.voucher.send(paramsOf());
    expect(encrypted).toMatch(/^\{"alipay_marketing_voucher_send_response":"[A-Za-z0-9+/=]+","sign":"/);
    const replay: typeof fetch = async () =>
      new Response(encrypted, { status: 200, headers: { 'content-type': 'application/json;charset=utf-8' } });
    const error = await clientOf(fake, { appId: AES_APP_ID, fetch: replay })
      .marketing.voucher.send(paramsOf())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayResponseError);
    expect((error as Error).message).toContain('no encryptKey');
  });
});
