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
