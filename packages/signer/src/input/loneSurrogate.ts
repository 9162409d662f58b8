import { SignerOptionError } from '../errors/SignerOptionError.js';

// In a `u` regex a well-formed pair is one code point, so this matches only a lone (unpaired) surrogate.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * Whether `text` holds a lone UTF-16 surrogate: no charset can encode it, so a value holding one cannot be
 * signed or sent as written (canonicalize and the signer refuse it).
 */
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/**
 * Refuses a string holding a lone surrogate: no charset can encode it (UTF-8 would silently write
 * U+FFFD and Java `?`), so what would be signed or sent is not what the caller wrote. `field` names
 * the parameter; the value itself is never shown (it may be a token), only where the surrogate is.
 */
export function checkEncodable(text: string, field: string): void {
  const found = LONE_SURROGATE.exec(text);
  if (!found) return;
  const unit = found[0].charCodeAt(0).toString(16).toUpperCase();
  throw new SignerOptionError(
    `${field} holds a lone surrogate (U+${unit} at index ${found.index}), which no charset can encode: ` +
      'it cannot be signed as written; remove it or complete the pair',
    { field, rule: 'encodable' },
  );
}
