import { createPublicKey, verify } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalize, createSigner, createVerifier } from '../src/index.js';
import { appPrivateKeyPkcs1Pem, appPublicKeyPem } from './helpers/fixtures.js';

const PARAMS = {
  app_id: '2021000000000000',
  method: 'alipay.marketing.voucher.send',
  charset: 'gbk',
  sign_type: 'RSA2',
  timestamp: '2024-06-01 12:00:00',
  version: '1.0',
  biz_content:
    '{"template_id":"T1","out_biz_no":"o1","user_id":"2088102122524333","memo":"六一儿童节红包：满100减10"}',
};
const publicKey = createPublicKey(appPublicKeyPem);

describe('charsets', () => {
  it.each(['gbk', 'gb2312'] as const)(
    'signs the %s bytes of a memo with Chinese (checked by node:crypto over iconv bytes)',
    async (charset) => {
      const params = { ...PARAMS, charset };
      const signature = await createSigner({ privateKey: appPrivateKeyPkcs1Pem, charset }).sign(params);
      const bytes = iconv.encode(canonicalize(params), charset);
      expect(bytes.length).toBeLessThan(Buffer.byteLength(canonicalize(params), 'utf8')); // 2 bytes per hanzi, not 3
      expect(verify('sha256', bytes, publicKey, Buffer.from(signature, 'base64'))).toBe(true);
      expect(
        verify(
          'sha256',
          Buffer.from(canonicalize(params), 'utf8'),
          publicKey,
          Buffer.from(signature, 'base64'),
        ),
      ).toBe(false);
    },
  );

  it('verifies a GBK-signed response node with a GBK verifier, and not with a UTF-8 one', async () => {
    const node =
      '{"code":"40004","msg":"Business Failed","sub_code":"TEMPLATE_NOT_EXIST","sub_msg":"模板不存在"}';
    const sign = await createSigner({ privateKey: appPrivateKeyPkcs1Pem, charset: 'gbk' }).signString(node);
    const body = `{"alipay_marketing_voucher_send_response":${node},"sign":"${sign}"}`;
    const gbk = createVerifier({ alipayPublicKey: appPublicKeyPem, charset: 'gbk' });
    expect(await gbk.verifyResponse(body, PARAMS.method)).toMatchObject({ verified: true });
    const utf8 = createVerifier({ alipayPublicKey: appPublicKeyPem });
    await expect(utf8.verifyResponse(body, PARAMS.method)).rejects.toMatchObject({ reason: 'bad-signature' });
  });

  it('signs ASCII-only content identically in every charset', async () => {
    const ascii = 'a=1&b=two';
    const signatures = await Promise.all(
      (['utf-8', 'gbk', 'gb2312'] as const).map((charset) =>
        createSigner({ privateKey: appPrivateKeyPkcs1Pem, charset }).signString(ascii),
      ),
    );
    expect(new Set(signatures).size).toBe(1);
  });
});
