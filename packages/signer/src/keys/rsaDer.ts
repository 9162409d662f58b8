import {
  BIT_STRING,
  childrenOf,
  contentOf,
  DerError,
  type DerNode,
  INTEGER,
  OCTET_STRING,
  oidOf,
  readRoot,
  SEQUENCE,
} from '../der/readDer.js';

export const RSA_ENCRYPTION_OID = '1.2.840.113549.1.1.1';

/** What a DER blob holds, as far as RSA keys go. */
export type RsaDerKind = 'pkcs1-private' | 'pkcs8-private' | 'pkcs1-public' | 'spki' | 'certificate';

/** An AlgorithmIdentifier must name rsaEncryption. */
function checkRsaAlgorithm(der: Uint8Array, algorithm: DerNode): void {
  const [oid] = childrenOf(der, algorithm);
  if (!oid || oidOf(der, oid) !== RSA_ENCRYPTION_OID) throw new DerError('not an RSA key');
}

/** Classifies RSA key DER. Throws DerError when it is none of the known shapes. */
export function classifyRsaDer(der: Uint8Array): RsaDerKind {
  const root = readRoot(der);
  if (root.tag !== SEQUENCE) throw new DerError('not a DER SEQUENCE');
  const kids = childrenOf(der, root);
  const [a, b, c] = kids.map((kid) => kid.tag);
  // RSAPrivateKey is a version and 8 integers; RSAPublicKey is 2 integers.
  if (kids.every((kid) => kid.tag === INTEGER)) {
    if (kids.length === 9) return 'pkcs1-private';
    if (kids.length === 2) return 'pkcs1-public';
  }
  // PrivateKeyInfo: version, algorithm, the PKCS#1 key in an OCTET STRING (then optional attributes).
  if (kids.length >= 3 && a === INTEGER && b === SEQUENCE && c === OCTET_STRING) {
    checkRsaAlgorithm(der, kids[1]!);
    if (classifyRsaDer(contentOf(der, kids[2]!)) !== 'pkcs1-private') throw new DerError('bad inner RSA key');
    return 'pkcs8-private';
  }
  if (kids.length === 2 && a === SEQUENCE && b === BIT_STRING) {
    checkRsaAlgorithm(der, kids[0]!);
    return 'spki';
  }
  if (kids.length === 3 && a === SEQUENCE && b === SEQUENCE && c === BIT_STRING) return 'certificate';
  throw new DerError('unrecognised key structure');
}

/** The public numbers of an RSA key: modulus and public exponent, as unsigned big-endian bytes. */
export interface RsaPublicNumbers {
  readonly modulus: Uint8Array;
  readonly exponent: Uint8Array;
}

/** An INTEGER's content without the sign-padding zeros, so equal numbers give equal bytes. */
function unsignedOf(der: Uint8Array, node: DerNode): Uint8Array {
  if (node.tag !== INTEGER) throw new DerError('expected an INTEGER');
  const bytes = contentOf(der, node);
  let at = 0;
  while (at < bytes.length - 1 && bytes[at] === 0) at++;
  return bytes.subarray(at);
}

/**
 * Modulus and exponent of any RSA key DER `classifyRsaDer` accepts but a certificate (whose SPKI is
 * read by the caller): PKCS#1 or PKCS#8 private, PKCS#1 public or SPKI. Throws DerError otherwise.
 */
export function rsaPublicNumbersOf(der: Uint8Array): RsaPublicNumbers {
  const kind = classifyRsaDer(der);
  if (kind === 'certificate') throw new DerError('a certificate, not a key');
  const kids = childrenOf(der, readRoot(der));
  if (kind === 'pkcs8-private') return rsaPublicNumbersOf(contentOf(der, kids[2]!));
  if (kind === 'spki') {
    // The BIT STRING's first content byte counts unused bits (0 for a key); RSAPublicKey follows.
    const bits = contentOf(der, kids[1]!);
    if (bits[0] !== 0) throw new DerError('bad subjectPublicKey BIT STRING');
    const inner = bits.subarray(1);
    if (classifyRsaDer(inner) !== 'pkcs1-public') throw new DerError('bad inner RSA public key');
    return rsaPublicNumbersOf(inner);
  }
  // RSAPublicKey is (n, e); RSAPrivateKey is (version, n, e, …).
  const [n, e] = kind === 'pkcs1-public' ? kids : kids.slice(1);
  return { modulus: unsignedOf(der, n!), exponent: unsignedOf(der, e!) };
}
