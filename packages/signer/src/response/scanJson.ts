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
 * Index just after the object or array starting at `start`, matched bracket for bracket in one pass
 * over the characters, stepping over strings (and their escapes), so `}` or `"` inside a string
 * never ends it early. The inside is only delimited: whoever needs the value parses it.
 */
export function skipContainer(text: string, start: number): number {
  const length = text.length;
  let depth = 0;
  // Which brackets are open: bit d set when level d is an object. Deeper levels go on `deeper`.
  let objects = 0;
  let deeper: number[] | undefined;
  for (let i = start; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string, read in place: most are short, where indexOf's call costs more than it saves.
      for (i++; i < length; i++) {
        const s = text.charCodeAt(i);
        if (s === 34) break;
        if (s === 92) i++;
      }
    } else if (c === 123 || c === 91) {
      if (depth < 30) objects = c === 123 ? objects | (1 << depth) : objects & ~(1 << depth);
      else {
        deeper ??= [];
        deeper.push(c);
      }
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      const open = depth < 30 ? ((objects >> depth) & 1 ? 123 : 91) : deeper?.pop();
      if (c !== (open === 123 ? 125 : 93)) throw new JsonScanError('mismatched bracket');
      if (depth === 0) return i + 1;
    }
  }
  throw new JsonScanError('unterminated object or array');
}

/**
 * Index just after the JSON value starting at `start`: strings and containers are delimited (see
 * {@link skipString}, {@link skipContainer}); top-level scalars are checked.
 */
export function skipValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === 34) return skipString(text, start);
  if (first === 123 || first === 91) return skipContainer(text, start);
  let i = start;
  while (i < text.length && !',}] \t\r\n'.includes(text.charAt(i))) i++;
  if (!SCALAR_RE.test(text.slice(start, i))) throw new JsonScanError('value expected');
  return i;
}
