import { loadCharsetDecoder, loadCharsetEncoder } from '@aopkit/signer';
import type { Charset } from '@aopkit/types';

/**
 * The charsets the fake decodes and encodes, lower-case (the spec's `x-aopkit-sends`); anything else is
 * decoded as UTF-8 and refused later.
 */
export type WireCharset = Charset;

/** Maps a declared charset (any case, as Java sends `UTF-8`/`GBK`) to one the fake can decode. */
export function wireCharsetOf(declared: string | undefined): WireCharset {
  const c = declared?.trim().toLowerCase();
  if (c === 'gbk' || c === 'gb2312') return c;
  return 'utf-8';
}

const utf8Encoder = new TextEncoder();

/**
 * A bytes → text decoder for `charset`, synchronous once obtained: Java's `new String(bytes, charset)`,
 * as the real gateway reads the request (the signer's decoders: GBK reads A2E3 as € and A892 as ♁,
 * GB2312 reads A1A4 as ・ and A1AA as ―). Values are decoded exactly as sent: a leading byte-order
 * mark is kept, never stripped, as Java keeps it (TextDecoder would drop it by default, and the
 * signature would then be checked over other text).
 */
export async function decoderFor(charset: WireCharset): Promise<(bytes: Uint8Array) => string> {
  return loadCharsetDecoder(charset);
}

/**
 * Text → bytes in `charset`: the response body is sent (and signed) in the request's charset, with
 * Java's encoder as the real gateway's (`getBytes(charset)`: GBK writes € as A2E3, not Windows' 80).
 */
export async function encodeText(text: string, charset: WireCharset): Promise<Uint8Array<ArrayBuffer>> {
  if (charset === 'utf-8') return utf8Encoder.encode(text);
  // A copy: the signer's array may be a view into a larger (pooled) buffer.
  return Uint8Array.from((await loadCharsetEncoder(charset))(text));
}
