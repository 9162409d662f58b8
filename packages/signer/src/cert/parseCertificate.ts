import { childrenOf, DerError, INTEGER, oidOf, readRoot, SEQUENCE } from '../der/readDer.js';
import { formatRfc2253 } from './formatRfc2253.js';

/** What certificate mode needs from an X.509 certificate. */
export interface ParsedCertificate {
  /** Issuer DN in RFC 2253 form. */
  readonly issuer: string;
  /** Serial number in decimal. */
  readonly serialDecimal: string;
  /** OID of the certificate's signature algorithm. */
  readonly signatureAlgorithm: string;
  /** SubjectPublicKeyInfo DER. */
  readonly spki: Uint8Array;
}

function decimalOf(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  // INTEGER is two's complement; serials should be positive, but keep negative ones exact too.
  if (bytes.length > 0 && bytes[0]! & 0x80) value -= 1n << BigInt(bytes.length * 8);
  return value.toString(10);
}

/** Walks the DER of one X.509 certificate. Throws DerError on anything unexpected. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const [tbs, signatureAlgorithm] = childrenOf(der, readRoot(der));
  if (tbs?.tag !== SEQUENCE || signatureAlgorithm?.tag !== SEQUENCE) throw new DerError('not a certificate');
  const fields = childrenOf(der, tbs);
  const at = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version is optional (v1 certificates)
  const serial = fields[at];
  const issuer = fields[at + 2];
  const spki = fields[at + 5];
  if (serial?.tag !== INTEGER || !issuer || spki?.tag !== SEQUENCE) throw new DerError('bad TBSCertificate');
  const [algorithmOid] = childrenOf(der, signatureAlgorithm);
  if (!algorithmOid) throw new DerError('bad signature algorithm');
  return {
    issuer: formatRfc2253(der, issuer),
    serialDecimal: decimalOf(der.subarray(serial.contentStart, serial.end)),
    signatureAlgorithm: oidOf(der, algorithmOid),
    spki: der.subarray(spki.start, spki.end),
  };
}
