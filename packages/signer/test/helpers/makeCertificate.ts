import { generateKeyPairSync, sign } from 'node:crypto';
import { encodeNode } from '../../src/der/writeDer.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const seq = (...parts: Uint8Array[]) => encodeNode(0x30, ...parts);
// sha256WithRSAEncryption, NULL
const SHA256_RSA = Uint8Array.of(
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
  0x0b,
  0x05,
  0x00,
);
const OIDS: Record<string, number[]> = {
  C: [0x55, 4, 6],
  O: [0x55, 4, 10],
  OU: [0x55, 4, 11],
  CN: [0x55, 4, 3],
};

/** A Name from [type, value] pairs in ASN.1 order (the reverse of RFC 2253 order). */
function name(rdns: [string, string][]): Uint8Array {
  return seq(
    ...rdns.map(([type, value]) =>
      encodeNode(0x31, seq(encodeNode(0x06, Uint8Array.from(OIDS[type]!)), encodeNode(0x0c, ascii(value)))),
    ),
  );
}

function integer(value: bigint): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return encodeNode(
    0x02,
    Uint8Array.from(hex.match(/../g)!, (h) => Number.parseInt(h, 16)),
  );
}

/**
 * Builds a real, self-signed X.509 v3 certificate with a fresh RSA-2048 key, so certificate-mode
 * tests can sign responses with the private key behind a certificate. `ec`: a P-256 key instead
 * (signed with ECDSA under the RSA algorithm id: only for tests that refuse it before any check).
 */
export function makeCertificate(issuer: [string, string][], serial: bigint, keyType: 'rsa' | 'ec' = 'rsa') {
  const { privateKey, publicKey } =
    keyType === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
  const time = (s: string) => encodeNode(0x17, ascii(s));
  const tbs = seq(
    encodeNode(0xa0, integer(2n)),
    integer(serial),
    SHA256_RSA,
    name(issuer),
    seq(time('240101000000Z'), time('340101000000Z')),
    name(issuer),
    spki,
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, SHA256_RSA, encodeNode(0x03, Uint8Array.of(0), signature));
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return {
    pem: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}
