import { certSerialNumber, createSigner, rootCertSerialNumber } from '@aopkit/signer';
import { RESPONSE_NODE } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { AlipaySignatureError, AlipayValidationError, createAlipayClient } from '../src/index.js';
import { testKeys } from './helpers/keys.js';
import { makeCertificate } from './helpers/makeCertificate.js';

// The fake gateway has no certificate mode, so an injected fetch plays Alipay: it checks the SNs
// the client sends and signs with the private key behind a generated Alipay certificate.
const appCert = makeCertificate('app 2021000000000001', 4270155270844824136n);
const alipayCert = makeCertificate('Alipay public key', 7513n);
const root = makeCertificate('Alipay root', 1n);
const rootBundle = `${root.pem}${makeCertificate('Alipay root 2', 2n).pem}`;
const alipaySigner = createSigner({ privateKey: alipayCert.privateKey });
let seen: Record<string, string> = {};

const gateway =
  (certSn: string): typeof fetch =>
  async (input, init) => {
    const request = new Request(input, init);
    seen = Object.fromEntries(new URL(request.url).searchParams);
    const node = JSON.stringify({
      code: '10000',
      msg: 'Success',
      voucher_id: 'VCERT',
      user_id: '2088000000000001',
    });
    const sign = await alipaySigner.signString(node);
    return new Response(`{"${RESPONSE_NODE}":${node},"alipay_cert_sn":"${certSn}","sign":"${sign}"}`);
  };

const options = {
  appId: '2021000000000001',
  privateKey: testKeys().app.privateKey,
  appCert: appCert.pem,
  alipayPublicCert: alipayCert.pem,
  alipayRootCert: rootBundle,
};
const params = { template_id: 'T1', out_biz_no: 'cert-1', user_id: '2088000000000001' };

describe('certificate mode', () => {
  it('sends app_cert_sn and alipay_root_cert_sn, and verifies with the Alipay certificate', async () => {
    const client = createAlipayClient({ ...options, fetch: gateway(certSerialNumber(alipayCert.pem)) });
    await expect(client.marketing.voucher.send(params)).resolves.toEqual({
      voucher_id: 'VCERT',
      user_id: '2088000000000001',
    });
    expect(seen.app_cert_sn).toBe(certSerialNumber(appCert.pem));
    expect(seen.alipay_root_cert_sn).toBe(rootCertSerialNumber(rootBundle));
    expect(seen.alipay_root_cert_sn).toMatch(/^[0-9a-f]{32}_[0-9a-f]{32}$/);
  });

  it('refuses a response signed under another certificate SN', async () => {
    const client = createAlipayClient({ ...options, fetch: gateway('0'.repeat(32)) });
    const error = await client.marketing.voucher.send(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipaySignatureError);
    expect(error).toMatchObject({ reason: 'cert-sn-mismatch' });
  });

  it('rejects a certificate that is not one, naming the option', () => {
    expect(() => createAlipayClient({ ...options, appCert: 'not a certificate' })).toThrow(
      AlipayValidationError,
    );
    expect(() => createAlipayClient({ ...options, appCert: 'not a certificate' })).toThrow(
      /options\.appCert/,
    );
  });
});
