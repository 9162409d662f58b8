/** A value a request parameter may hold before it is signed; null, undefined and '' are dropped. */
export type ParamValue = string | number | boolean | null | undefined;

/** Request parameters as signed: wire names (snake_case) to values. */
export type SignableParams = Readonly<Record<string, ParamValue>>;

/**
 * Builds the string that is signed (PROTOCOL §2): every parameter except `sign`, without null,
 * undefined or empty values (the Java rule; the Node SDK signs empty strings and the gateway then
 * rejects the request), sorted by key comparing UTF-16 code units, joined as `k=v` with `&`.
 * Values are raw: no URL encoding.
 *
 * @example canonicalize({ b: '2', a: '1', sign: 'x', c: '' }) === 'a=1&b=2'
 */
export function canonicalize(params: SignableParams): string {
  // Array#sort without a comparator compares UTF-16 code units, which is exactly the rule.
  const keys = Object.keys(params).sort();
  let out = '';
  for (const key of keys) {
    if (key === 'sign') continue;
    const value = params[key];
    if (value === null || value === undefined || value === '') continue;
    out += `${out === '' ? '' : '&'}${key}=${String(value)}`;
  }
  return out;
}
