import { JsonScanError, skipContainer, skipString, skipValue, skipWhitespace } from './scanJson.js';

/**
 * Where the members that response verification reads sit in the body: the character span
 * [start, end) of each value (-1 when absent), and how many times each key came.
 */
export interface TopLevelMembers {
  nodeStart: number;
  nodeEnd: number;
  nodeCount: number;
  signStart: number;
  signEnd: number;
  signCount: number;
  certSnStart: number;
  certSnEnd: number;
  certSnCount: number;
  /** The node's value when the scanner parsed it to find its end (see {@link parseNodeAhead}). */
  node: object | undefined;
}

const NOT_WANTED = 0;
const NODE = 1;
const SIGN = 2;
const CERT_SN = 3;

/**
 * Scans the top-level JSON object in `text` once, recording where the values of `nodeName`, `sign`
 * and `alipay_cert_sn` sit and how many times each key came (JSON.parse would silently keep the last
 * of two). Every other member is delimited and skipped. Keys are compared as decoded (`\u0065`
 * spells `e` too).
 */
export function scanTopLevel(text: string, nodeName: string): TopLevelMembers {
  const found: TopLevelMembers = {
    nodeStart: -1,
    nodeEnd: -1,
    nodeCount: 0,
    signStart: -1,
    signEnd: -1,
    signCount: 0,
    certSnStart: -1,
    certSnEnd: -1,
    certSnCount: 0,
    node: undefined,
  };
  let i = skipWhitespace(text, 0);
  if (text.charCodeAt(i) !== 123) throw new JsonScanError('not a JSON object');
  i = skipWhitespace(text, i + 1);
  if (text.charCodeAt(i) === 125) return end(text, i, found);
  for (;;) {
    if (text.charCodeAt(i) !== 34) throw new JsonScanError('member name expected');
    const keyEnd = skipString(text, i);
    const wanted = wantedKey(text, i, keyEnd, nodeName);
    i = skipWhitespace(text, keyEnd);
    if (text.charCodeAt(i) !== 58) throw new JsonScanError('colon expected');
    const valueStart = skipWhitespace(text, i + 1);
    const first = text.charCodeAt(valueStart);
    let valueEnd = -1;
    if (wanted === NODE && first === 123 && found.nodeCount === 0)
      valueEnd = parseNodeAhead(text, valueStart, found);
    if (valueEnd < 0)
      valueEnd =
        first === 34
          ? skipString(text, valueStart)
          : first === 123 || first === 91
            ? skipContainer(text, valueStart)
            : skipValue(text, valueStart);
    if (wanted === NODE) {
      if (found.nodeCount++ === 0) {
        found.nodeStart = valueStart;
        found.nodeEnd = valueEnd;
      }
    } else if (wanted === SIGN) {
      if (found.signCount++ === 0) {
        found.signStart = valueStart;
        found.signEnd = valueEnd;
      }
    } else if (wanted === CERT_SN) {
      if (found.certSnCount++ === 0) {
        found.certSnStart = valueStart;
        found.certSnEnd = valueEnd;
      }
    }
    i = skipWhitespace(text, valueEnd);
    const c = text.charCodeAt(i);
    if (c === 125) return end(text, i, found);
    if (c !== 44) throw new JsonScanError('comma or closing brace expected');
    i = skipWhitespace(text, i + 1);
  }
}

/**
 * Finds where the node object starting at `start` ends without walking it, and parses it: the caller
 * needs it parsed anyway. The gateway sends compact JSON with the node first and `sign` (or
 * `alipay_cert_sn`) right after it, or the node last: {@link guessNodeEnd} finds the end in one
 * native search. JSON.parse confirms the guess: text that starts with `{` and parses is one whole
 * object, which no shorter or longer cut would be, so it is the node exactly (a walk would end in the
 * same place). Returns the end, or -1 when there is no guess or it is wrong, or the node is not valid
 * JSON: the caller then walks the node as usual (and reports what is wrong with it as it always does).
 */
function parseNodeAhead(text: string, start: number, found: TopLevelMembers): number {
  const end = guessNodeEnd(text, start);
  if (end <= start) return -1;
  try {
    found.node = JSON.parse(text.slice(start, end)) as object;
  } catch {
    return -1;
  }
  return end;
}

/** Where the node starting at `start` ends in the gateway's usual layouts (-1: no guess). */
function guessNodeEnd(text: string, start: number): number {
  // Node first, then `sign` or the certificate SN.
  let brace = text.indexOf('},"sign":"', start);
  if (brace < 0) brace = text.indexOf('},"alipay_cert_sn":"', start);
  if (brace >= 0) return brace + 1;
  // Node last: its `}` and the body's.
  const last = skipWhitespaceBack(text, text.length - 1);
  const beforeLast = skipWhitespaceBack(text, last - 1);
  return text.charCodeAt(last) === 125 && text.charCodeAt(beforeLast) === 125 ? beforeLast + 1 : -1;
}

/** Index of the last non-whitespace character at or before `i` (or below 0). */
function skipWhitespaceBack(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i--;
  }
}

/**
 * Which wanted key the key token text[start, end) is, as decoded (`\u0065` spells `e` too). Sliced
 * and compared whole: V8 compares strings natively, faster than a loop over charCodeAt.
 */
function wantedKey(text: string, start: number, end: number, nodeName: string): number {
  const raw = text.slice(start + 1, end - 1);
  // The wanted names hold no backslash: a key spelled exactly like one is that one.
  const key = raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
  return key === nodeName ? NODE : key === 'sign' ? SIGN : key === 'alipay_cert_sn' ? CERT_SN : NOT_WANTED;
}

/** The value of the string token text[start, end): sliced when it has no escapes, else JSON.parse. */
export function stringValue(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner;
}

function end(text: string, closeBrace: number, found: TopLevelMembers): TopLevelMembers {
  if (skipWhitespace(text, closeBrace + 1) !== text.length) throw new JsonScanError('text after the object');
  return found;
}
