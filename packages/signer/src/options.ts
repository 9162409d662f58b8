import type { Charset } from './charset/createEncoder.js';
import type { HashName } from './crypto/CryptoProvider.js';

/** `sign_type`: RSA2 = SHA256withRSA (recommended), RSA = SHA1withRSA (legacy). */
export type SignType = 'RSA2' | 'RSA';

const SIGN_TYPES: readonly SignType[] = ['RSA2', 'RSA'];
const CHARSETS: readonly Charset[] = ['utf-8', 'gbk', 'gb2312'];

/** The hash behind a sign type. */
export const hashOf = (signType: SignType): HashName => (signType === 'RSA' ? 'SHA-1' : 'SHA-256');

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((a) => `'${a}'`).join(', ');
  throw new TypeError(`options.${field} must be one of ${list} (got ${JSON.stringify(value)})`);
}

/** Validates `signType`, defaulting to RSA2. */
export const readSignType = (value: unknown): SignType => oneOf(value, SIGN_TYPES, 'signType', 'RSA2');

/** Validates `charset` (exact lower-case spelling: it is signed as written), defaulting to utf-8. */
export const readCharset = (value: unknown): Charset => oneOf(value, CHARSETS, 'charset', 'utf-8');
