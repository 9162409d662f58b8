import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';

// Just enough DER to build a real self-signed X.509 v3 certificate, so certificate-mode tests can
// sign responses with the private key behind the Alipay certificate.
function der(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const len: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) len.unshift(n % 256);
  const header = length < 0x80 ? [tag, length] : [tag, 0x80 | len.length, ...len];
  return Uint8Array.from([...header, ...parts.flatMap((p) => [...p])]);
}
const seq = (...parts: Uint8Array[]) => der(0x30, ...parts);
const utf8 = (s: string) => new TextEncoder().encode(s);
const SHA256_RSA = Uint8Array.from([
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00,
]);
const CN = Uint8Array.from([0x55, 4, 3]);
const O = Uint8Array.from([0x55, 4, 10]);

function integer(value: bigint): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return der(
    0x02,
    Uint8Array.from(hex.match(/../g)!, (h) => Number.parseInt(h, 16)),
  );
}

const name = (cn: string) =>
  seq(
    der(0x31, seq(der(0x06, O), der(0x0c, utf8('aopkit test')))),
    der(0x31, seq(der(0x06, CN), der(0x0c, utf8(cn)))),
  );

/**
 * A self-signed RSA-2048 certificate (PEM) and its private key (PKCS#8 PEM): a new key, or the given
 * PKCS#8 PEM one.
 */
export function makeCertificate(commonName: string, serial: bigint, keyPem?: string) {
  const { privateKey, publicKey } =
    keyPem === undefined
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : { privateKey: createPrivateKey(keyPem), publicKey: createPublicKey(keyPem) };
  const time = (s: string) => der(0x17, utf8(s));
  const tbs = seq(
    der(0xa0, integer(2n)),
    integer(serial),
    SHA256_RSA,
    name(commonName),
    seq(time('240101000000Z'), time('440101000000Z')),
    name(commonName),
    new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
  );
  const cert = seq(tbs, SHA256_RSA, der(0x03, Uint8Array.of(0), sign('sha256', tbs, privateKey)));
  const b64 = Buffer.from(cert).toString('base64').replace(/.{64}/g, '$&\n');
  return {
    pem: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`,
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}
