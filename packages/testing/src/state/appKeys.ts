import { requireNodeBuiltin } from '../runtime/nodeBuiltin.js';

/** The public key (PEM SPKI) inside a certificate. */
export function publicKeyOfCert(certPem: string): string {
  const crypto = requireNodeBuiltin('node:crypto', 'registerApp: reading a certificate needs node:crypto');
  return crypto.createPublicKey(certPem).export({ type: 'spki', format: 'pem' }).toString();
}

/** A fresh RSA-2048 app key pair: PKCS#8 private and SPKI public, both PEM (alipay-sdk: keyType PKCS8). */
export function generateAppKeys(): { privateKey: string; publicKey: string } {
  const crypto = requireNodeBuiltin(
    'node:crypto',
    'registerApp: generating a key pair needs node:crypto; pass a publicKey instead',
  );
  return crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}

/** Key text as PEM: PEM is kept as given, bare base64 (as Alipay's console shows it) is wrapped as SPKI. */
export function toPem(key: string): string {
  if (key.includes('-----BEGIN')) return `${key.trim()}\n`;
  const body = key.replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}
