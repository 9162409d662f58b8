import { describe, expect, it } from 'vitest';
import { canonicalize, createSigner, createVerifier, formatTimestamp } from '../src/index.js';
import { appPrivateKeyPkcs1Pem, appPublicKeyPem } from './helpers/fixtures.js';

describe('smoke', () => {
  it('signs a request and verifies a response signed with the matching key', async () => {
    const signer = createSigner({ privateKey: appPrivateKeyPkcs1Pem });
    const verifier = createVerifier({ alipayPublicKey: appPublicKeyPem });
    const params = {
      app_id: '2021',
      method: 'alipay.marketing.voucher.send',
      sign_type: 'RSA2',
      biz_content: '{}',
    };
    const sign = await signer.sign(params);
    expect(await verifier.verify(canonicalize(params), sign)).toBe(true);
    const node = '{"code":"10000","msg":"Success","voucher_id":"v1"}';
    const body = `{"alipay_marketing_voucher_send_response":${node},"sign":"${await signer.signString(node)}"}`;
    const result = await verifier.verifyResponse(body, 'alipay.marketing.voucher.send');
    expect(result).toMatchObject({ verified: true, content: node, node: { voucher_id: 'v1' } });
    expect(formatTimestamp(new Date(Date.UTC(2024, 0, 1, 16, 0, 0)))).toBe('2024-01-02 00:00:00');
  });
});
