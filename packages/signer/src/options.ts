import type { Charset } from './charset/createEncoder.js';
import type { CryptoChoice, HashName } from './crypto/CryptoProvider.js';
import { SignerOptionError } from './errors/SignerOptionError.js';
import { shown } from './input/shown.js';

/** `sign_type`: RSA2 = SHA256withRSA (recommended), RSA = SHA1withRSA (legacy). */
export type SignType = 'RSA2' | 'RSA';

/** The sign types the gateway knows, in the order messages list them. */
export const SIGN_TYPES: readonly SignType[] = ['RSA2', 'RSA'];
const CHARSETS: readonly Charset[] = ['utf-8', 'gbk', 'gb2312'];
const CRYPTO_CHOICES: readonly CryptoChoice[] = ['auto', 'node', 'web'];

/** The hash behind a sign type. */
export const hashOf = (signType: SignType): HashName => (signType === 'RSA' ? 'SHA-1' : 'SHA-256');

/** Where a value came from, for messages: an option (`options.charset`) or an argument (`charset`). */
export type Source = 'options' | 'argument';

/**
 * `value` if it is one of `allowed`, `fallback` if undefined; otherwise a SignerOptionError naming
 * `field` (prefixed `options.` in the message for an option).
 */
function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  fallback: T,
  source: Source,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((a) => `'${a}'`).join(', ');
  const label = source === 'options' ? `options.${field}` : field;
  throw new SignerOptionError(`${label} must be one of ${list} (got ${shown(value)})`, {
    field,
    rule: 'enum',
  });
}

/** Validates `signType`, defaulting to RSA2. */
export const readSignType = (value: unknown, source: Source = 'options'): SignType =>
  oneOf(value, SIGN_TYPES, 'signType', 'RSA2', source);

/** Validates `charset` (exact lower-case spelling: it is signed as written), defaulting to utf-8. */
export const readCharset = (value: unknown, source: Source = 'options'): Charset =>
  oneOf(value, CHARSETS, 'charset', 'utf-8', source);

/** Validates `crypto`, defaulting to auto. */
export const readCryptoChoice = (value: unknown, source: Source = 'options'): CryptoChoice =>
  oneOf(value, CRYPTO_CHOICES, 'crypto', 'auto', source);
