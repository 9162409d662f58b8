/** One `key=value` pair of a form or query string, still as bytes (percent-decoded). */
export interface RawPair {
  key: Uint8Array;
  value: Uint8Array;
}

const PLUS = 0x2b;
const PERCENT = 0x25;
const AMP = 0x26;
const EQ = 0x3d;

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const lower = b | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Percent-decodes to bytes, not text: `%D6%D0` must become the two GBK bytes of 中, which only the
 * declared charset can turn into text. `+` is a space, as in application/x-www-form-urlencoded.
 */
function percentDecode(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === PLUS) out[n++] = 0x20;
    else if (b === PERCENT && i + 2 < end && hexValue(bytes[i + 1]!) >= 0 && hexValue(bytes[i + 2]!) >= 0) {
      out[n++] = hexValue(bytes[i + 1]!) * 16 + hexValue(bytes[i + 2]!);
      i += 2;
    } else out[n++] = b;
  }
  return out.subarray(0, n);
}

/** Splits `a=1&b=2` (as bytes) into percent-decoded byte pairs; empty segments are skipped. */
export function splitForm(bytes: Uint8Array): RawPair[] {
  const pairs: RawPair[] = [];
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(AMP, start);
    if (end === -1) end = bytes.length;
    if (end > start) {
      let eq = bytes.indexOf(EQ, start);
      if (eq === -1 || eq > end) eq = end;
      pairs.push({
        key: percentDecode(bytes, start, eq),
        value: percentDecode(bytes, Math.min(eq + 1, end), end),
      });
    }
    start = end + 1;
  }
  return pairs;
}

/** A query string (URL text) as bytes: characters above 0x7f, if any slipped through, as Latin-1. */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}
