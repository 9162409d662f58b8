/** The charsets the fake decodes and encodes; anything else is decoded as UTF-8 and refused later. */
export type WireCharset = 'utf-8' | 'gbk' | 'gb2312';

type Iconv = typeof import('iconv-lite');
let iconvLoading: Promise<Iconv> | undefined;

// Loaded on first GBK use only, so UTF-8 users never pay for its tables (as in @aopkit/signer).
function loadIconv(): Promise<Iconv> {
  iconvLoading ??= import('iconv-lite').then((m) => (m as { default?: Iconv }).default ?? m);
  return iconvLoading;
}

/** Maps a declared charset (any case, as Java sends `UTF-8`/`GBK`) to one the fake can decode. */
export function wireCharsetOf(declared: string | undefined): WireCharset {
  const c = declared?.trim().toLowerCase();
  if (c === 'gbk' || c === 'gb2312') return c;
  return 'utf-8';
}

// ignoreBOM: a value that starts with U+FEFF keeps it, as Java's new String(bytes, UTF_8) does.
// By default TextDecoder drops it, and the signature would then be checked over other text.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/**
 * A bytes → text decoder for `charset` (GBK/GB2312 through iconv-lite), synchronous once obtained.
 * Values are decoded exactly as sent: a leading byte-order mark is kept, never stripped.
 */
export async function decoderFor(charset: WireCharset): Promise<(bytes: Uint8Array) => string> {
  if (charset === 'utf-8') return (bytes) => utf8Decoder.decode(bytes);
  const iconv = await loadIconv();
  return (bytes) =>
    iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, {
      stripBOM: false,
    });
}

/** Text → bytes in `charset`: the response body is sent (and signed) in the request's charset. */
export async function encodeText(text: string, charset: WireCharset): Promise<Uint8Array<ArrayBuffer>> {
  if (charset === 'utf-8') return utf8Encoder.encode(text);
  return new Uint8Array((await loadIconv()).encode(text, charset));
}
