import { isAesKey } from '@aopkit/signer';
import { configError } from '../errors/FakeGatewayError.js';

/**
 * An app's AES key, trimmed, or a FakeGatewayError (ERR_FAKE_CONFIG) naming the app and `encryptKey`
 * (`field` is its path). The message never contains the value: it is a secret in real life, and
 * fixtures files end up in CI logs.
 */
export function checkEncryptKey(appId: string, value: unknown, field = 'encryptKey'): string {
  // base64 of exactly 16 bytes (the form Alipay's console shows), as the signer and the client take it.
  if (typeof value !== 'string' || !isAesKey(value)) {
    throw configError(
      field,
      `app ${appId}: encryptKey must be the base64 of a 16-byte AES key (AES-128: 24 characters ending in ==)`,
    );
  }
  return value.trim();
}

/** A fresh random AES-128 key, base64 (Web Crypto's getRandomValues: Node, Bun, Deno, browsers). */
export function generateEncryptKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
