const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// Node's Buffer decodes base64 natively, many times faster than atob + a copy loop; it is used when
// present (a global, never imported) and the portable path runs everywhere else.
import { NativeBuffer } from './nativeBuffer.js';

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
function trailingBitsClear(text: string): boolean {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (padding === 0) return true;
  const last = ALPHABET.indexOf(text.charAt(text.length - padding - 1));
  return last >= 0 && (last & (padding === 2 ? 0x0f : 0x03)) === 0;
}

/**
 * Decodes standard, padded base64; returns undefined for anything else. With `canonical`, also
 * refuses encodings whose unused trailing bits are set (see {@link trailingBitsClear}).
 */
export function base64Decode(text: string, canonical = false): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  if (canonical && !trailingBitsClear(text)) return undefined;
  if (NativeBuffer) {
    // Buffer skips what is not base64 (so the output comes out short) but also takes the URL-safe
    // alphabet: refuse that, then require the exact length. Cheaper than a regex over 344 chars.
    if (text.includes('-') || text.includes('_')) return undefined;
    const bytes = NativeBuffer.from(text, 'base64');
    const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
    return bytes.length === (text.length / 4) * 3 - padding ? bytes : undefined;
  }
  if (!BASE64_RE.test(text)) return undefined;
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
