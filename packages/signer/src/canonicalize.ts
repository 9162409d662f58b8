import { SignerOptionError } from './errors/SignerOptionError.js';
import { checkEncodable, hasLoneSurrogate } from './input/loneSurrogate.js';
import { clip } from './input/shown.js';

/**
 * Empty in the Java SDK's sense (`StringUtils.isEmpty`): only characters `Character.isWhitespace`
 * accepts — ASCII controls 9–13 and 28–31, space, and Unicode space separators except the no-break
 * ones (U+00A0, U+2007, U+202F). Java neither signs nor sends such a value.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Java's whitespace includes U+001C–U+001F
const JAVA_BLANK = /^[\t-\r\x1c-\x20\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$/;

/** A value a request parameter may hold before it is signed; null, undefined and blank are dropped. */
export type ParamValue = string | number | boolean | null | undefined;

/** Request parameters as signed: wire names (snake_case) to values. */
export type SignableParams = Readonly<Record<string, ParamValue>>;

const fieldOf = (key: string): string => `params.${clip(key)}`;

/**
 * Builds the string that is signed (PROTOCOL §2): every parameter except `sign`, without null,
 * undefined, empty or whitespace-only values (the Java rule, `StringUtils.areNotEmpty`; the Node SDK
 * signs them and the gateway then rejects the request), sorted by key comparing UTF-16 code units,
 * joined as `k=v` with `&`. Values are raw: no URL encoding.
 *
 * Only `params`' own properties are read (a null-prototype object is fine): a key inherited from a
 * polluted `Object.prototype` is never signed. Throws SignerOptionError when `params` is not an object,
 * a value is not a string, number or boolean (nor null / undefined), or a key or value holds a lone
 * surrogate (rule `encodable`: no charset can encode it, so it cannot be signed as written); the error
 * names the parameter, never its value.
 *
 * @example canonicalize({ b: '2', a: '1', sign: 'x', c: '', d: ' ' }) === 'a=1&b=2'
 */
export function canonicalize(params: SignableParams): string {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new SignerOptionError('canonicalize: params must be an object of parameter names to values', {
      field: 'params',
      rule: 'type',
    });
  }
  // Object.keys lists own enumerable keys only. Array#sort without a comparator compares UTF-16 code
  // units, which is exactly the rule.
  const keys = Object.keys(params).sort();
  let out = '';
  for (const key of keys) {
    if (key === 'sign') continue;
    const value: unknown = params[key];
    if (value === null || value === undefined) continue;
    let text: string;
    if (typeof value === 'string') {
      if (JAVA_BLANK.test(value)) continue;
      text = value;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      text = String(value);
    } else {
      throw new SignerOptionError(
        `${fieldOf(key)} must be a string, number or boolean (got ${Array.isArray(value) ? 'an array' : typeof value})`,
        { field: fieldOf(key), rule: 'type' },
      );
    }
    out += `${out === '' ? '' : '&'}${key}=${text}`;
  }
  // One scan of the result: '=' and '&' sit between the parts, so no surrogate pairs across them.
  if (hasLoneSurrogate(out)) {
    for (const key of keys) {
      if (key === 'sign') continue;
      checkEncodable(key, fieldOf(key));
      const value = params[key];
      if (typeof value === 'string') checkEncodable(value, fieldOf(key));
    }
  }
  return out;
}
