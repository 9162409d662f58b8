import { COMMON_PARAMS } from '@aopkit/types';
import { hasLoneSurrogate } from '../text/hasLoneSurrogate.js';

/** What precedes the gateway's string in an `isv.invalid-signature` sub_msg. */
const MARKER = '网关生成的验签字符串为';
// A new pair starts at '&' followed by a spec parameter's name and '=': an '&' inside biz_content
// (JSON text) is not a boundary.
const PAIR_BOUNDARY = new RegExp(`&(?=(?:${Object.keys(COMMON_PARAMS).join('|')})=)`);
// Values that are credentials: name them, never show them.
const HIDDEN = new Set(['app_auth_token', 'auth_token']);
// Such a value in a sign string, up to the next parameter (`&` is `&amp;` in the gateway's sub_msg).
// `[\s\S]`, not `.`: a value may hold a line break, and must be hidden all the same.
const CREDENTIAL_VALUE = new RegExp(
  `\\b(${[...HIDDEN].join('|')})=[\\s\\S]*?(?=&(?:amp;)?(?:${Object.keys(COMMON_PARAMS).join('|')})=|$)`,
  'g',
);

/**
 * `text` (a sign string, or a sub_msg quoting one) with credential values replaced by `[hidden]`:
 * first every occurrence of each known `secret` (as is, `&`-escaped as the gateway quotes it, and
 * percent-encoded), wherever it stands, then whatever follows an `app_auth_token=` or `auth_token=`.
 */
export function hideCredentials(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === '') continue;
    const forms = new Set([secret, secret.replaceAll('&', '&amp;')]);
    if (!hasLoneSurrogate(secret)) forms.add(encodeURIComponent(secret));
    for (const form of forms) out = out.replaceAll(form, '[hidden]');
  }
  return out.replace(CREDENTIAL_VALUE, '$1=[hidden]');
}

/**
 * The string the gateway verified, cut out of sub_msg, or undefined when it is not there. The
 * gateway HTML-escapes '&' there; it is unescaped unless the raw text already equals what the
 * client signed.
 */
export function gatewaySignStringFrom(subMsg: string | undefined, clientString: string): string | undefined {
  const at = subMsg?.indexOf(MARKER) ?? -1;
  if (subMsg === undefined || at < 0) return undefined;
  const raw = subMsg.slice(at + MARKER.length).replace(/^\s*[：:]/, '');
  return raw === clientString ? raw : raw.replaceAll('&amp;', '&');
}

function pairs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of text.split(PAIR_BOUNDARY)) {
    const eq = pair.indexOf('=');
    out.set(eq < 0 ? pair : pair.slice(0, eq), eq < 0 ? '' : pair.slice(eq + 1));
  }
  return out;
}

function excerpt(value: string, at: number): string {
  const start = Math.max(0, at - 12);
  return `${start > 0 ? '…' : ''}${value.slice(start, at + 12)}${at + 12 < value.length ? '…' : ''}`;
}

function valueDifference(key: string, gateway: string, client: string): string {
  if (HIDDEN.has(key)) return `${key} differs (value hidden)`;
  if (gateway.toLowerCase() === client.toLowerCase()) {
    const what = key === 'charset' ? 'charset mismatch' : `${key} differs in case only`;
    return `${what}: the gateway has ${JSON.stringify(gateway)}, the client signed ${JSON.stringify(client)}`;
  }
  let i = 0;
  while (i < gateway.length && gateway[i] === client[i]) i++;
  return `${key} differs at character ${i}: the gateway has ${JSON.stringify(excerpt(gateway, i))}, the client signed ${JSON.stringify(excerpt(client, i))}`;
}

/**
 * Names the first difference between the string the gateway verified and the one the client
 * signed: a parameter missing or extra, a value that differs (a charset written `UTF-8` against
 * `utf-8` is called out), or none — then the key pair is what does not match.
 */
export function firstDifference(gateway: string, clientString: string): string {
  if (gateway === clientString) {
    return 'none: the gateway verified exactly the string the client signed, so the private key does not match the app public key registered for this app_id (or sign_type differs)';
  }
  const g = pairs(gateway);
  const c = pairs(clientString);
  for (const key of [...new Set([...g.keys(), ...c.keys()])].sort()) {
    const gv = g.get(key);
    const cv = c.get(key);
    if (gv === undefined)
      return `parameter ${key} is missing from the gateway's string (the client signed it; the gateway did not receive or use it)`;
    if (cv === undefined) return `parameter ${key} is in the gateway's string but the client did not sign it`;
    if (gv !== cv) return valueDifference(key, gv, cv);
  }
  return 'the same parameters in a different order or with different separators';
}
