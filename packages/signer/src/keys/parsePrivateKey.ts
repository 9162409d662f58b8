import { wrapPkcs1PrivateKey } from '../der/writeDer.js';
import { AlipayKeyError } from '../errors/AlipayKeyError.js';
import { decodeKeyText } from './decodeKeyText.js';
import { classifyRsaDer } from './rsaDer.js';

/**
 * Reads an RSA private key — bare base64 or PEM, PKCS#1 or PKCS#8 — and returns PKCS#8 DER, the one
 * form both node:crypto and WebCrypto import. Throws AlipayKeyError naming `what`, never the key.
 */
export function parsePrivateKey(text: unknown, what = 'privateKey'): Uint8Array {
  const der = decodeKeyText(text, what);
  let kind: ReturnType<typeof classifyRsaDer>;
  try {
    kind = classifyRsaDer(der);
  } catch (cause) {
    throw new AlipayKeyError(`${what} is not an RSA private key in PKCS#1 or PKCS#8 form`, { cause });
  }
  if (kind === 'pkcs8-private') return der;
  if (kind === 'pkcs1-private') return wrapPkcs1PrivateKey(der);
  throw new AlipayKeyError(
    `${what} holds ${kind === 'certificate' ? 'a certificate' : 'a public key'}, not an RSA private key`,
  );
}
