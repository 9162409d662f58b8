import { readCertificates } from '../cert/readCertificates.js';
import { rsaSpkiOf } from '../cert/rsaSpkiOf.js';
import { DerError } from '../der/readDer.js';
import { AlipayKeyError } from '../errors/AlipayKeyError.js';
import { readNames } from '../input/readNames.js';
import { decodeKeyText } from './decodeKeyText.js';
import { parsePrivateKey } from './parsePrivateKey.js';
import { publicKeyDerToSpki } from './parsePublicKey.js';
import { classifyRsaDer, type RsaPublicNumbers, rsaPublicNumbersOf } from './rsaDer.js';

/** Names used in error messages, so a caller's messages name its own options. */
export interface KeyFieldNames {
  /** Default `publicKey`. */
  publicKey?: string;
  /** Default `privateKey`. */
  privateKey?: string;
}

const FIELD_NAMES = { publicKey: true, privateKey: true } as const satisfies Record<
  keyof KeyFieldNames,
  true
>;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/** The public numbers of a public key or certificate text; throws AlipayKeyError / AlipayCertificateError. */
function publicNumbersOf(text: unknown, field: string): RsaPublicNumbers {
  let spki: Uint8Array;
  if (typeof text === 'string' && text.includes('-----BEGIN CERTIFICATE-----')) {
    spki = rsaSpkiOf(readCertificates(text, field)[0]!, field);
  } else {
    const der = decodeKeyText(text, field);
    let isCertificate = false;
    try {
      isCertificate = classifyRsaDer(der) === 'certificate';
    } catch {
      // Not a known shape: publicKeyDerToSpki says so with the key error below.
    }
    if (isCertificate) spki = rsaSpkiOf(readCertificates(text, field)[0]!, field);
    else spki = publicKeyDerToSpki(der, field);
  }
  try {
    return rsaPublicNumbersOf(spki);
  } catch (cause) {
    throw new AlipayKeyError(`${field} is not an RSA public key (SPKI or PKCS#1)`, { cause });
  }
}

/**
 * True when `publicKey` is the public half of `privateKey`. `publicKey` may be an SPKI or PKCS#1 public
 * key (PEM or bare base64) or an X.509 certificate (PEM), whose key is taken. `privateKey`: PKCS#1 or
 * PKCS#8, PEM or bare base64. Surrounding whitespace and line breaks (CRLF too) are ignored, as
 * everywhere keys are read. Throws AlipayKeyError / AlipayCertificateError when one cannot be read;
 * the messages name `fields` (default `publicKey` / `privateKey`), never the key.
 * Synchronous and portable (compares the RSA modulus and exponent from the DER; no crypto call).
 *
 * Use it to catch the most common configuration mistake: the app's own public key (or app
 * certificate) given where the Alipay public key (or certificate) belongs.
 *
 * @example
 * if (isPublicKeyOf(alipayPublicKey, privateKey))
 *   throw new Error('alipayPublicKey is your app public key: pass the Alipay public key (支付宝公钥)');
 */
export function isPublicKeyOf(publicKey: string, privateKey: string, fields?: KeyFieldNames): boolean {
  const names = readNames(fields, 'isPublicKeyOf', 'fields', FIELD_NAMES);
  const publicField = names.publicKey ?? 'publicKey';
  const privateField = names.privateKey ?? 'privateKey';
  const pub = publicNumbersOf(publicKey, publicField);
  let priv: RsaPublicNumbers;
  try {
    priv = rsaPublicNumbersOf(parsePrivateKey(privateKey, privateField));
  } catch (cause) {
    if (!(cause instanceof DerError)) throw cause;
    throw new AlipayKeyError(`${privateField} is not an RSA private key in PKCS#1 or PKCS#8 form`, { cause });
  }
  return sameBytes(pub.modulus, priv.modulus) && sameBytes(pub.exponent, priv.exponent);
}
