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
 * the issuer DN in RFC 2253 form followed by the serial number in decimal. Whitespace around and
 * inside the PEM is ignored. Throws AlipayCertificateError (`ERR_CERTIFICATE_INVALID`) when the text
 * holds no certificate; its message names `field` (say, your option's name). Synchronous and portable.
 */
export function certSerialNumber(certPem: string, field = 'certificate'): string {
  const [first] = readCertificates(certPem, field);
  return snOf(first!);
}

/**
 * `alipay_root_cert_sn` of Alipay's root bundle: the SNs of the certificates whose signature
 * algorithm is RSA (OID prefix 1.2.840.113549.1.1), joined with `_` in file order. Throws
 * AlipayCertificateError naming `field` when the bundle holds no readable or no RSA-signed certificate.
 */
export function rootCertSerialNumber(bundlePem: string, field = 'root certificate bundle'): string {
  const sns = readCertificates(bundlePem, field)
    .filter((cert) => cert.signatureAlgorithm.startsWith(`${RSA_SIGNATURE_PREFIX}.`))
    .map(snOf);
  if (sns.length === 0) throw new AlipayCertificateError(`${field} holds no RSA-signed certificate`);
  return sns.join('_');
}
