import { childrenOf, DerError, type DerNode, oidOf, readRoot, TAG } from '../der/readDer.js';

export const RSA_ENCRYPTION_OID = '1.2.840.113549.1.1.1';

/** What a DER blob holds, as far as RSA keys go. */
export type RsaDerKind = 'pkcs1-private' | 'pkcs8-private' | 'pkcs1-public' | 'spki' | 'certificate';

const allIntegers = (nodes: DerNode[]): boolean => nodes.every((n) => n.tag === TAG.INTEGER);

/** Is `der` a PKCS#1 RSAPrivateKey (version + 8 integers)? */
function isPkcs1Private(der: Uint8Array): boolean {
  const kids = childrenOf(der, readRoot(der));
  return kids.length === 9 && allIntegers(kids);
}

/** Classifies RSA key DER. Throws DerError when it is none of the known shapes. */
export function classifyRsaDer(der: Uint8Array): RsaDerKind {
  const root = readRoot(der);
  if (root.tag !== TAG.SEQUENCE) throw new DerError('not a DER SEQUENCE');
  const kids = childrenOf(der, root);
  const [a, b, c] = kids;
  if (kids.length === 9 && allIntegers(kids)) return 'pkcs1-private';
  if (kids.length === 2 && allIntegers(kids)) return 'pkcs1-public';
  if (kids.length >= 3 && a?.tag === TAG.INTEGER && b?.tag === TAG.SEQUENCE && c?.tag === TAG.OCTET_STRING) {
    const [oid] = childrenOf(der, b);
    if (!oid || oidOf(der, oid) !== RSA_ENCRYPTION_OID) throw new DerError('not an RSA key');
    if (!isPkcs1Private(der.subarray(c.contentStart, c.end))) throw new DerError('bad inner RSA key');
    return 'pkcs8-private';
  }
  if (kids.length === 2 && a?.tag === TAG.SEQUENCE && b?.tag === TAG.BIT_STRING) {
    const [oid] = childrenOf(der, a);
    if (!oid || oidOf(der, oid) !== RSA_ENCRYPTION_OID) throw new DerError('not an RSA key');
    return 'spki';
  }
  if (kids.length === 3 && a?.tag === TAG.SEQUENCE && b?.tag === TAG.SEQUENCE && c?.tag === TAG.BIT_STRING) {
    return 'certificate';
  }
  throw new DerError('unrecognised key structure');
}
