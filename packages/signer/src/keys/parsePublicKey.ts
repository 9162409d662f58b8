import { wrapPkcs1PublicKey } from '../der/writeDer.js';
import { AlipayKeyError } from '../errors/AlipayKeyError.js';
import { decodeKeyText } from './decodeKeyText.js';
import { classifyRsaDer } from './rsaDer.js';

/**
 * Normalises RSA public key DER (SPKI or PKCS#1) to SPKI; throws AlipayKeyError naming `what` (and, for
 * a certificate, `certField`: the caller's option that takes one).
 */
export function publicKeyDerToSpki(
  der: Uint8Array,
  what: string,
  certField = 'alipayPublicCert',
): Uint8Array {
  let kind: ReturnType<typeof classifyRsaDer>;
  try {
    kind = classifyRsaDer(der);
  } catch (cause) {
    throw new AlipayKeyError(`${what} is not an RSA public key (SPKI or PKCS#1)`, { cause });
  }
  if (kind === 'spki') return der;
  if (kind === 'pkcs1-public') return wrapPkcs1PublicKey(der);
  if (kind === 'certificate') {
    throw new AlipayKeyError(`${what} is a certificate; use the certificate options (${certField})`);
  }
  throw new AlipayKeyError(`${what} is a private key, not a public key`);
}

/**
 * Reads an RSA public key — bare base64 or PEM, SPKI (as Alipay's console hands it out) or PKCS#1
 * `RSA PUBLIC KEY` — and returns SPKI DER. Throws AlipayKeyError naming `what` (and `certField` when
 * it is a certificate), never the key.
 */
export const parsePublicKey = (text: unknown, what: string, certField: string): Uint8Array =>
  publicKeyDerToSpki(decodeKeyText(text, what), what, certField);
