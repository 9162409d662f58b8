import type { LoggedRequest } from './api.js';

/** What became of a request, as the list shows and filters it. */
export type OutcomeKind = 'success' | 'failed' | 'dropped';

export function outcomeKind(r: LoggedRequest): OutcomeKind {
  if (!r.verdict || r.fault === 'drop-before' || r.fault === 'drop-after-issue') return 'dropped';
  return r.verdict.code === '10000' ? 'success' : 'failed';
}

/** `10000`, `40004 TEMPLATE_EXPIRED`, `dropped`, `dropped after issue (10000)`. */
export function outcomeText(r: LoggedRequest): string {
  const code = r.verdict ? [r.verdict.code, r.verdict.sub_code].filter(Boolean).join(' ') : '';
  if (r.fault === 'drop-after-issue') return `dropped after issue (${code})`;
  if (outcomeKind(r) === 'dropped') return 'dropped';
  return code;
}

// Answers given before the signature is checked (or instead of it): nothing was verified.
const BEFORE_SIGNATURE = new Set(['isv.invalid-signature-type', 'isv.missing-signature-config']);

/** Whether the signature verified: yes, no (isv.invalid-signature), or not checked. */
export function signatureState(r: LoggedRequest): 'verified' | 'invalid' | 'unchecked' {
  const sub = r.verdict?.sub_code;
  if (sub === 'isv.invalid-signature') return 'invalid';
  if (!r.verdict) return 'verified'; // dropped by a fault: faults come after authentication
  if (!r.signed || (sub && BEFORE_SIGNATURE.has(sub))) return 'unchecked';
  return 'verified';
}

/** The business content's fields, when it is a JSON object (an AES request's decrypted text). */
export function bizOf(r: LoggedRequest): Record<string, unknown> {
  const text = r.bizContent ?? r.params.biz_content;
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Whom the voucher is for: user_id, else login_id, taobao_nick or open_id. */
export function identityOf(biz: Record<string, unknown>): string {
  for (const key of ['user_id', 'open_id', 'login_id', 'taobao_nick']) {
    const value = biz[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return '';
}

/** One piece of the verified string, marked when it is what a signature mismatch usually hides in. */
export interface Piece {
  text: string;
  mark?: 'separator' | 'amp' | 'charset' | 'name';
}

/**
 * The verified string cut into pieces: each `name`, each `&` between parameters, `&amp;` inside a value
 * and the charset's value marked. When the string cannot be rebuilt from the parameters (so a cut
 * could be wrong), it is one plain piece.
 */
export function piecesOf(verified: string, params: Record<string, string>): Piece[] {
  const names = Object.keys(params)
    .filter((name) => name !== 'sign' && params[name]!.trim() !== '')
    .sort();
  if (names.map((name) => `${name}=${params[name]}`).join('&') !== verified) return [{ text: verified }];
  const pieces: Piece[] = [];
  names.forEach((name, i) => {
    if (i > 0) pieces.push({ text: '&', mark: 'separator' });
    pieces.push({ text: `${name}=`, mark: 'name' });
    const value = params[name]!;
    if (name === 'charset') {
      pieces.push({ text: value, mark: 'charset' });
      return;
    }
    value.split(/(&amp;)/).forEach((part) => {
      if (part === '&amp;') pieces.push({ text: part, mark: 'amp' });
      else if (part !== '') pieces.push({ text: part });
    });
  });
  return pieces;
}

/** Parameters left out of the signed string because they are empty (or blank). */
export function leftOut(params: Record<string, string>): string[] {
  return Object.keys(params)
    .filter((name) => name !== 'sign' && params[name]!.trim() === '')
    .sort();
}

/** `10:00:03.120` in the browser's time zone. */
export function timeOf(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}
