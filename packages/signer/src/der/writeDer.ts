/** DER length octets for `length`. */
function lengthOctets(length: number): number[] {
  if (length < 0x80) return [length];
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n % 256);
  return [0x80 | out.length, ...out];
}

/** Encodes one element: tag, length, content. */
export function encodeNode(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  const header = [tag, ...lengthOctets(length)];
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  let at = header.length;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
const RSA_ALGORITHM_ID = Uint8Array.of(
  0x30,
  0x0d,
  0x06,
  0x09,
  0x2a,
  0x86,
  0x48,
  0x86,
  0xf7,
  0x0d,
  0x01,
  0x01,
  0x01,
  0x05,
  0x00,
);

/** Wraps a PKCS#1 RSAPrivateKey as PKCS#8 PrivateKeyInfo (what WebCrypto imports). */
export function wrapPkcs1PrivateKey(pkcs1: Uint8Array): Uint8Array {
  return encodeNode(0x30, Uint8Array.of(0x02, 0x01, 0x00), RSA_ALGORITHM_ID, encodeNode(0x04, pkcs1));
}

/** Wraps a PKCS#1 RSAPublicKey as SubjectPublicKeyInfo. */
export function wrapPkcs1PublicKey(pkcs1: Uint8Array): Uint8Array {
  return encodeNode(0x30, RSA_ALGORITHM_ID, encodeNode(0x03, Uint8Array.of(0), pkcs1));
}
