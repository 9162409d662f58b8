import { aesDecrypt, aesEncrypt, canonicalize, createSigner, createVerifier } from '@aopkit/signer';
import { RESPONSE_NODE } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { AlipayResponseError, createAlipayClient } from '../src/index.js';
import { testKeys } from './helpers/keys.js';

// The fake gateway refuses AES (its apps have no content key), so this gateway stands in:
// it decrypts biz_content and answers with an encrypted node, signed as Java expects.
const keys = testKeys();
const encryptKey = Buffer.alloc(16, 7).toString('base64');
const seen: Record<string, string>[] = [];

const aesGateway: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const params = {
    ...Object.fromEntries(new URL(request.url).searchParams),
    ...Object.fromEntries(new URLSearchParams(await request.text())),
  };
  seen.push(params);
  const ok = await createVerifier({ alipayPublicKey: keys.app.publicKey }).verify(
    canonicalize(params),
    params.sign!,
  );
  const plain =
    params.encrypt_type === 'AES' ? await aesDecrypt(params.biz_content!, encryptKey) : params.biz_content!;
  const biz = JSON.parse(plain) as { user_id: string };
  const node = ok
    ? { code: '10000', msg: 'Success', voucher_id: 'VAES', user_id: biz.user_id }
    : { code: '40002', msg: 'Invalid Arguments' };
  const token = JSON.stringify(await aesEncrypt(JSON.stringify(node), encryptKey));
  const sign = await createSigner({ privateKey: keys.alipay.privateKey }).signString(token);
  return new Response(`{"${RESPONSE_NODE}":${token},"sign":"${sign}"}`, { status: 200 });
};

const options = {
  appId: '2021000000000001',
  privateKey: keys.app.privateKey,
  alipayPublicKey: keys.alipay.publicKey,
  fetch: aesGateway,
};
const params = { template_id: 'T1', out_biz_no: 'aes-1', user_id: '2088000000000009' };

describe('AES content encryption', () => {
  it('encrypts biz_content, signs encrypt_type, and decrypts the verified response', async () => {
    const client = createAlipayClient({ ...options, encryptKey });
    await expect(client.marketing.voucher.send(params)).resolves.toEqual({
      voucher_id: 'VAES',
      user_id: '2088000000000009',
    });
    const sent = seen.at(-1)!;
    expect(sent.encrypt_type).toBe('AES');
    expect(sent.biz_content).not.toContain('template_id');
    expect(JSON.parse(await aesDecrypt(sent.biz_content!, encryptKey))).toEqual(params);
  });

  it('refuses an encrypted answer when the client has no key to read it', async () => {
    const client = createAlipayClient(options);
    const error = await client.marketing.voucher.send(params).catch((e) => e);
    expect(error).toBeInstanceOf(AlipayResponseError);
  });
});
