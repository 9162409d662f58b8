import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AlipayCertificateError,
  certSerialNumber,
  createVerifier,
  rootCertSerialNumber,
} from '../src/index.js';
import { alipayPublicCert, alipayRootCert, appCert } from './helpers/fixtures.js';
import { makeCertificate } from './helpers/makeCertificate.js';

describe('certificate SNs: known answers from the vectors README', () => {
  it.each([
    [
      'app_cert_sn of appCertPublicKey_2021001161683774.crt',
      () => certSerialNumber(appCert),
      '866efef280dec9137a87d047ac446315',
    ],
    [
      'SN of alipayCertPublicKey_RSA2.crt',
      () => certSerialNumber(alipayPublicCert),
      '7513daaaa48aa3ba2e4018d84402479c',
    ],
    [
      'alipay_root_cert_sn of alipayRootCert.crt (2 RSA-signed certificates of 4, file order)',
      () => rootCertSerialNumber(alipayRootCert),
      '687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6',
    ],
  ])('%s', (_, compute, want) => {
    expect(compute()).toBe(want);
  });

  it('matches the worked example: MD5 of the RFC 2253 issuer + decimal serial', () => {
    const issuer =
      'CN=Ant Financial Certification Authority Class 1 R1,OU=Certification Authority,O=Ant Financial,C=CN';
    const md5 = createHash('md5').update(`${issuer}42701552708448241360226107228231049510`).digest('hex');
    expect(certSerialNumber(appCert)).toBe(md5);
  });

  it('agrees with node:crypto X509Certificate on a generated certificate (issuer reversed into RFC 2253 order)', () => {
    const serial = 0x00f3_1234_5678_9abc_def0_1234_5678_9abcn;
    const { pem } = makeCertificate(
      [
        ['C', 'CN'],
        ['O', 'Test Org'],
        ['OU', 'Unit'],
        ['CN', 'Test Root'],
      ],
      serial,
    );
    const x509 = new X509Certificate(pem);
    const issuer = x509.issuer.split('\n').reverse().join(',');
    expect(issuer).toBe('CN=Test Root,OU=Unit,O=Test Org,C=CN');
    const serialDecimal = BigInt(`0x${x509.serialNumber}`).toString(10);
    expect(certSerialNumber(pem)).toBe(
      createHash('md5')
        .update(issuer + serialDecimal)
        .digest('hex'),
    );
  });

  it('escapes RFC 2253 special characters in the DN', () => {
    const serial = 7n;
    const { pem } = makeCertificate(
      [
        ['C', 'CN'],
        ['CN', 'A, "B" + <C>; D\\'],
      ],
      serial,
    );
    const want = createHash('md5').update('CN=A\\, \\"B\\" \\+ \\<C\\>\\; D\\\\,C=CN7').digest('hex');
    expect(certSerialNumber(pem)).toBe(want);
  });

  it('the verifier in certificate mode exposes both SNs', () => {
    const verifier = createVerifier({ alipayPublicCert, alipayRootCert });
    expect(verifier.alipayCertSn).toBe('7513daaaa48aa3ba2e4018d84402479c');
    expect(verifier.alipayRootCertSn).toBe(
      '687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6',
    );
  });

  it.each([
    ['an empty string', ''],
    [
      'a public key',
      '-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END CERTIFICATE-----',
    ],
    ['not base64', '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----'],
  ])('rejects %s with AlipayCertificateError', (_, text) => {
    expect(() => certSerialNumber(text)).toThrow(AlipayCertificateError);
    expect(() => createVerifier({ alipayPublicCert: text })).toThrow(AlipayCertificateError);
  });

  it('rejects a root bundle without RSA-signed certificates', () => {
    expect(() =>
      rootCertSerialNumber(
        alipayRootCert.split('-----END CERTIFICATE-----')[0]!.concat('-----END CERTIFICATE-----'),
      ),
    ).toThrow(AlipayCertificateError);
  });
});
