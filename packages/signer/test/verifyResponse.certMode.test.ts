import { describe, expect, it } from 'vitest';
import { certSerialNumber, createSigner, createVerifier } from '../src/index.js';
import { makeCertificate } from './helpers/makeCertificate.js';
import { METHOD, signedBody } from './helpers/responses.js';

const SUCCESS =
  '{"code":"10000","msg":"Success","voucher_id":"2024060100000001","user_id":"2088102122524333"}';

// The vector certificates come without their private keys, so a real certificate is generated.
describe('verifyResponse: certificate mode', () => {
  const cert = makeCertificate(
    [
      ['C', 'CN'],
      ['O', 'Ant Financial'],
      ['OU', 'Certification Authority'],
      ['CN', 'Test CA, "quoted"'],
    ],
    42701552708448241360226107228231049510n,
  );
  const certSigner = createSigner({ privateKey: cert.privateKeyPem });
  const certVerifier = createVerifier({ alipayPublicCert: cert.pem });
  const sn = certSerialNumber(cert.pem);
  const verify = (body: string) => certVerifier.verifyResponse(body, METHOD);

  it('exposes the certificate SN and accepts a response naming it in alipay_cert_sn', async () => {
    expect(certVerifier.alipayCertSn).toBe(sn);
    const body = await signedBody(SUCCESS, { signer: certSigner, extra: `,"alipay_cert_sn":"${sn}"` });
    expect(await verify(body)).toMatchObject({ verified: true, alipayCertSn: sn });
  });

  it.each([
    ['another SN', `,"alipay_cert_sn":"${'0'.repeat(32)}"`],
    ['no alipay_cert_sn', ''],
  ])('rejects a correctly signed response with %s', async (_, extra) => {
    const failure = verify(await signedBody(SUCCESS, { signer: certSigner, extra }));
    await expect(failure).rejects.toMatchObject({
      name: 'AlipaySignatureVerificationError',
      reason: 'cert-sn-mismatch',
    });
  });
});
