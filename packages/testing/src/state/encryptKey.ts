// base64 of exactly 16 bytes: 22 characters, then `==` (the form Alipay's console shows, and the
// one @aopkit/client accepts).
const AES_KEY = /^[A-Za-z0-9+/]{22}==$/;

/**
 * An app's AES key, trimmed, or a TypeError naming the app and `encryptKey`. The message never
 * contains the value: it is a secret in real life, and fixtures files end up in CI logs.
 */
export function checkEncryptKey(appId: string, value: unknown): string {
  const key = typeof value === 'string' ? value.trim() : undefined;
  if (key === undefined || !AES_KEY.test(key)) {
    throw new TypeError(
      `app ${appId}: encryptKey must be the base64 of a 16-byte AES key (AES-128: 24 characters ending in ==)`,
    );
  }
  return key;
}

/** A fresh random AES-128 key, base64 (Web Crypto's getRandomValues: Node, Bun, Deno, browsers). */
export function generateEncryptKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
