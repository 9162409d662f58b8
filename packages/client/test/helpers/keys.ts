import { generateKeyPairSync } from 'node:crypto';

/** A freshly generated RSA-2048 key pair, PEM (PKCS#8 private, SPKI public). Real keys, real crypto. */
export interface KeyPair {
  readonly privateKey: string;
  readonly publicKey: string;
}

export function generateKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKey, publicKey };
}

let cached: { app: KeyPair; alipay: KeyPair; other: KeyPair } | undefined;

/** The app's pair, Alipay's pair and an unrelated pair, generated once per test file. */
export function testKeys(): { app: KeyPair; alipay: KeyPair; other: KeyPair } {
  cached ??= { app: generateKeyPair(), alipay: generateKeyPair(), other: generateKeyPair() };
  return cached;
}
