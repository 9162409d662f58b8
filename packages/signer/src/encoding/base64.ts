const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/**
 * Any character above U+00FF. V8 answers in constant time for strings stored one byte per character
 * (the character class cannot match them: the usual case), and scans the others.
 */
const BEYOND_LATIN1_RE = /[^\0-\xff]/;

// Node's Buffer decodes base64 natively, many times faster than atob + a copy loop; it is used when
// present (a global, never imported) and the portable path runs everywhere else.
import { NativeBuffer, type NativeBufferInstance } from './nativeBuffer.js';

/** Standard base64 of `bytes` (portable: btoa exists on Node ≥16 and every Web runtime). */
export function base64Encode(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so String.fromCharCode never gets more arguments than the engine allows.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Whether the unused low bits of the last data character are zero. Lenient decoders map several
 * strings to the same bytes when they are not, so a changed signature character could still verify.
 */
function trailingBitsClear(text: string, padding: number): boolean {
  if (padding === 0) return true;
  const last = ALPHABET.indexOf(text.charAt(text.length - padding - 1));
  return last >= 0 && (last & (padding === 2 ? 0x0f : 0x03)) === 0;
}

/**
 * The number of bytes `text` decodes to if it is standard, padded base64 as far as Buffer's decoder
 * cannot tell (-1 otherwise). Buffer skips what is not base64, so the output comes out short and the
 * caller compares lengths; but it also takes the URL-safe alphabet, and reads only the low byte of
 * each character (`Ł`, U+0141, decodes as `A`): those are refused here. Cheaper than a regex over
 * 344 characters.
 */
function nativeDecodedLength(text: string, canonical: boolean): number {
  const length = text.length;
  if (length % 4 !== 0) return -1;
  const padding = text.charCodeAt(length - 1) !== 61 ? 0 : text.charCodeAt(length - 2) === 61 ? 2 : 1;
  if (canonical && !trailingBitsClear(text, padding)) return -1;
  if (text.includes('-') || text.includes('_') || BEYOND_LATIN1_RE.test(text)) return -1;
  return (length / 4) * 3 - padding;
}

/**
 * Decodes standard, padded base64; returns undefined for anything else. With `canonical`, also
 * refuses encodings whose unused trailing bits are set (see {@link trailingBitsClear}).
 */
export function base64Decode(text: string, canonical = false): Uint8Array | undefined {
  if (NativeBuffer) {
    const size = nativeDecodedLength(text, canonical);
    if (size < 0) return undefined;
    const bytes = NativeBuffer.from(text, 'base64');
    return bytes.length === size ? bytes : undefined;
  }
  if (text.length % 4 !== 0 || !BASE64_RE.test(text)) return undefined;
  if (canonical && !trailingBitsClear(text, text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0))
    return undefined;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A canonical base64 decoder (as `base64Decode(text, true)`) that decodes into one buffer, kept and
 * reused: each result is only valid until the next call. For consumers done with the bytes before
 * they return, such as node:crypto's synchronous verify; it spares a pooled allocation per call.
 * Inputs too large for the buffer, and runtimes without Buffer, take {@link base64Decode}.
 */
export function createReusingBase64Decoder(capacity = 1024): (text: string) => Uint8Array | undefined {
  const decode = (text: string) => base64Decode(text, true);
  if (!NativeBuffer) return decode;
  const scratch: NativeBufferInstance = NativeBuffer.allocUnsafeSlow(capacity);
  let view: Uint8Array = scratch.subarray(0, 0);
  return (text) => {
    const size = nativeDecodedLength(text, true);
    if (size < 0) return undefined;
    if (size > capacity) return decode(text);
    if (scratch.write(text, 0, capacity, 'base64') !== size) return undefined;
    // One view per size: a signature's size is the key's, so this is made once.
    if (view.length !== size) view = scratch.subarray(0, size);
    return view;
  };
}
