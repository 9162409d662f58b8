import { JsonScanError, skipString, skipValue, skipWhitespace } from './scanJson.js';

/** One member of the top-level object: its decoded key and the raw span of its value. */
export interface RawMember {
  readonly key: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/**
 * Lists the members of the top-level JSON object in `text` with the exact character span of each
 * value, duplicates included (JSON.parse would silently keep the last one).
 */
export function scanTopLevel(text: string): RawMember[] {
  const members: RawMember[] = [];
  let i = skipWhitespace(text, 0);
  if (text.charCodeAt(i) !== 123) throw new JsonScanError('not a JSON object');
  i = skipWhitespace(text, i + 1);
  if (text.charCodeAt(i) === 125) return end(text, i, members);
  for (;;) {
    if (text.charCodeAt(i) !== 34) throw new JsonScanError('member name expected');
    const keyEnd = skipString(text, i);
    const key = stringValue(text, i, keyEnd);
    i = skipWhitespace(text, keyEnd);
    if (text.charCodeAt(i) !== 58) throw new JsonScanError('colon expected');
    const valueStart = skipWhitespace(text, i + 1);
    const valueEnd = skipValue(text, valueStart);
    members.push({ key, valueStart, valueEnd });
    i = skipWhitespace(text, valueEnd);
    const c = text.charCodeAt(i);
    if (c === 125) return end(text, i, members);
    if (c !== 44) throw new JsonScanError('comma or closing brace expected');
    i = skipWhitespace(text, i + 1);
  }
}

/** The value of the string token text[start, end): sliced when it has no escapes, else JSON.parse. */
export function stringValue(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner;
}

function end(text: string, closeBrace: number, members: RawMember[]): RawMember[] {
  if (skipWhitespace(text, closeBrace + 1) !== text.length) throw new JsonScanError('text after the object');
  return members;
}
