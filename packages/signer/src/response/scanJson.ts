/** Thrown by the scanner on text that is not JSON; callers report it as a malformed response. */
export class JsonScanError extends Error {
  override name = 'JsonScanError';
}

const SCALAR_RE = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

/** Index just after the string token whose opening quote is at `start` (escape-aware). */
export function skipString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    // indexOf jumps over plain characters; only quotes and backslashes matter.
    const quote = text.indexOf('"', i);
    if (quote < 0) throw new JsonScanError('unterminated string');
    let backslashes = 0;
    for (let j = quote - 1; j >= start + 1 && text.charCodeAt(j) === 92; j--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Index of the first non-whitespace character at or after `i`. */
export function skipWhitespace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/**
 * Index just after the JSON value starting at `start`: objects and arrays are matched bracket for
 * bracket, skipping over strings, so `}` or `"` inside a string never ends the value early.
 * Top-level scalars are checked; the inside of objects and arrays is only delimited (whoever needs
 * a value parses it with JSON.parse).
 */
export function skipValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === 34) return skipString(text, start);
  if (first === 123 || first === 91) {
    const closers: number[] = [];
    let i = start;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i = skipString(text, i);
        continue;
      }
      if (c === 123) closers.push(125);
      else if (c === 91) closers.push(93);
      else if (c === 125 || c === 93) {
        if (closers.pop() !== c) throw new JsonScanError('mismatched bracket');
        if (closers.length === 0) return i + 1;
      }
      i++;
    }
    throw new JsonScanError('unterminated object or array');
  }
  let i = start;
  while (i < text.length && !',}] \t\r\n'.includes(text.charAt(i))) i++;
  if (!SCALAR_RE.test(text.slice(start, i))) throw new JsonScanError('value expected');
  return i;
}
