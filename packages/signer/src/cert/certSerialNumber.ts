import { AlipayCertificateError } from '../errors/AlipayCertificateError.js';
import { md5Hex } from './md5Hex.js';
import type { ParsedCertificate } from './parseCertificate.js';
import { readCertificates } from './readCertificates.js';

const RSA_SIGNATURE_PREFIX = '1.2.840.113549.1.1';
const utf8 = new TextEncoder();

/** SN of one parsed certificate: MD5 hex of issuer DN (RFC 2253) + decimal serial (PROTOCOL §9). */
export const snOf = (cert: ParsedCertificate): string =>
  md5Hex(utf8.encode(cert.issuer + cert.serialDecimal));

/**
 * `app_cert_sn` (or the Alipay public certificate's SN) of a PEM certificate: lowercase hex MD5 of
 * the issuer DN in RFC 2253 form followed by the serial number in decimal. Throws
 * AlipayCertificateError when the text holds no certificate. Synchronous and portable.
 */
export function certSerialNumber(certPem: string): string {
  const [first] = readCertificates(certPem, 'certificate');
  return snOf(first!);
}

/**
 * `alipay_root_cert_sn` of Alipay's root bundle: the SNs of the certificates whose signature
 * algorithm is RSA (OID prefix 1.2.840.113549.1.1), joined with `_` in file order.
 */
export function rootCertSerialNumber(bundlePem: string): string {
  const sns = readCertificates(bundlePem, 'root certificate bundle')
    .filter((cert) => cert.signatureAlgorithm.startsWith(`${RSA_SIGNATURE_PREFIX}.`))
    .map(snOf);
  if (sns.length === 0)
    throw new AlipayCertificateError('the root certificate bundle holds no RSA-signed certificate');
  return sns.join('_');
}
