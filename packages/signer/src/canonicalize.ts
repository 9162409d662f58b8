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

/**
 * Builds the string that is signed (PROTOCOL §2): every parameter except `sign`, without null,
 * undefined, empty or whitespace-only values (the Java rule, `StringUtils.areNotEmpty`; the Node SDK
 * signs them and the gateway then rejects the request), sorted by key comparing UTF-16 code units,
 * joined as `k=v` with `&`. Values are raw: no URL encoding.
 *
 * @example canonicalize({ b: '2', a: '1', sign: 'x', c: '', d: ' ' }) === 'a=1&b=2'
 */
export function canonicalize(params: SignableParams): string {
  // Array#sort without a comparator compares UTF-16 code units, which is exactly the rule.
  const keys = Object.keys(params).sort();
  let out = '';
  for (const key of keys) {
    if (key === 'sign') continue;
    const value = params[key];
    if (value === null || value === undefined || (typeof value === 'string' && JAVA_BLANK.test(value)))
      continue;
    out += `${out === '' ? '' : '&'}${key}=${String(value)}`;
  }
  return out;
}
