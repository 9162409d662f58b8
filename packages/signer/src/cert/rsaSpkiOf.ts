import { AlipayCertificateError } from '../errors/AlipayCertificateError.js';
import { rsaPublicNumbersOf } from '../keys/rsaDer.js';
import type { ParsedCertificate } from './parseCertificate.js';

/** A certificate's SPKI, refused (AlipayCertificateError naming `field`) unless it holds an RSA key. */
export function rsaSpkiOf(cert: ParsedCertificate, field: string): Uint8Array {
  try {
    rsaPublicNumbersOf(cert.spki);
  } catch (cause) {
    throw new AlipayCertificateError(`${field} does not hold an RSA public key`, { cause });
  }
  return cert.spki;
}
