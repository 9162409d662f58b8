import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FakeGatewayError } from '../errors/FakeGatewayError.js';

/**
 * The files `--keys-dir` writes, by what they hold. The bare base64 forms are what Alipay's console
 * shows and what Java (`AlipayConfig.setPrivateKey`, `setAlipayPublicKey`) and Python SDKs take; the
 * PEM forms are what openssl, Node and Go read. Every file ends with a newline.
 */
export const KEY_FILES = {
  /** The app private key, PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). */
  appPrivateKeyPem: 'app-private-key.pem',
  /** The app private key, PKCS#8 DER as one line of base64. */
  appPrivateKeyBase64: 'app-private-key.txt',
  /** The app public key, SPKI PEM (the fake already holds it). */
  appPublicKeyPem: 'app-public-key.pem',
  /** The fake Alipay public key that verifies the gateway's answers, SPKI PEM. */
  alipayPublicKeyPem: 'alipay-public-key.pem',
  /** The same key, SPKI DER as one line of base64. */
  alipayPublicKeyBase64: 'alipay-public-key.txt',
} as const;

export type KeyFiles = { -readonly [K in keyof typeof KEY_FILES]?: string };

const isPem = (text: string) => text.includes('-----BEGIN');
const der = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'base64');

/** A private key given as PEM, or as bare base64 of PKCS#8 or PKCS#1 (what users paste). */
function privateKeyOf(text: string): KeyObject {
  if (isPem(text)) return createPrivateKey(text);
  try {
    return createPrivateKey({ key: der(text), format: 'der', type: 'pkcs8' });
  } catch {
    return createPrivateKey({ key: der(text), format: 'der', type: 'pkcs1' });
  }
}

/** A public key (or a certificate's) given as PEM, or as bare base64 of SPKI or PKCS#1. */
function publicKeyOf(text: string): KeyObject {
  if (isPem(text)) return createPublicKey(text);
  try {
    return createPublicKey({ key: der(text), format: 'der', type: 'spki' });
  } catch {
    return createPublicKey({ key: der(text), format: 'der', type: 'pkcs1' });
  }
}

const pemOf = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ format: 'pem', type }).toString();
const base64Of = (key: KeyObject, type: 'pkcs8' | 'spki') =>
  `${key.export({ format: 'der', type }).toString('base64')}\n`;

/** What a key is called in an error: never the key itself. */
function readKey<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    throw new FakeGatewayError(`--keys-dir: the ${what} is not an RSA key in PEM or bare base64`, {
      code: 'ERR_FAKE_CLI',
      field: '--keys-dir',
      cause,
    });
  }
}

/**
 * Writes the app's and the fake Alipay's keys into `dir` (created if missing), private keys readable by
 * the owner only; returns the absolute path of each file written. Without the app private key (a
 * fixtures app given by its public key only) the private-key files are not written.
 */
export async function writeKeysDir(
  dir: string,
  keys: { appPrivateKey?: string; appPublicKey: string; alipayPublicKey: string },
): Promise<KeyFiles> {
  const contents: Partial<Record<keyof typeof KEY_FILES, string>> = {};
  if (keys.appPrivateKey !== undefined) {
    const text = keys.appPrivateKey;
    const key = readKey('app private key', () => privateKeyOf(text));
    contents.appPrivateKeyPem = pemOf(key, 'pkcs8');
    contents.appPrivateKeyBase64 = base64Of(key, 'pkcs8');
  }
  const appPublic = readKey('app public key', () => publicKeyOf(keys.appPublicKey));
  contents.appPublicKeyPem = pemOf(appPublic, 'spki');
  const alipayPublic = readKey('Alipay public key', () => publicKeyOf(keys.alipayPublicKey));
  contents.alipayPublicKeyPem = pemOf(alipayPublic, 'spki');
  contents.alipayPublicKeyBase64 = base64Of(alipayPublic, 'spki');

  const root = resolve(dir);
  const written: KeyFiles = {};
  try {
    await mkdir(root, { recursive: true });
    for (const [name, content] of Object.entries(contents) as [keyof typeof KEY_FILES, string][]) {
      const path = join(root, KEY_FILES[name]);
      const secret = name.startsWith('appPrivateKey');
      await writeFile(path, content, { mode: secret ? 0o600 : 0o644 });
      if (secret) await chmod(path, 0o600); // an existing file keeps its mode through writeFile
      written[name] = path;
    }
  } catch (cause) {
    const reason = (cause as { code?: string }).code ?? 'an error';
    throw new FakeGatewayError(`--keys-dir ${dir}: cannot write the key files (${reason})`, {
      code: 'ERR_FAKE_CLI',
      field: '--keys-dir',
      cause,
    });
  }
  return written;
}
