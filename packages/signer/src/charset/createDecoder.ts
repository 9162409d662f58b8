import { SignerOptionError } from '../errors/SignerOptionError.js';
import { readCharset } from '../options.js';
import { type Charset, loadJava } from './createEncoder.js';

// ignoreBOM: a leading U+FEFF is kept, as Java's new String(bytes, UTF_8) keeps it.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

// Java's `new String(bytes, UTF_8)` (also how it reads certificate name strings, formatRfc2253.ts).
// Java decodes UTF-8 as TextDecoder does (U+FFFD for each maximal bad subpart), except that it reads
// ONE U+FFFD for an encoded surrogate (ED A0–BF, and a continuation byte if one follows) where
// TextDecoder reads one per byte. ED is always a lead byte, so the text splits cleanly there.
export const decodeUtf8 = (bytes: Uint8Array): string => {
  let at = bytes.indexOf(0xed);
  if (at < 0) return utf8.decode(bytes); // the common case: one call
  let text = '';
  let start = 0;
  for (; at >= 0; at = bytes.indexOf(0xed, at + 1)) {
    const second = bytes[at + 1] ?? 0;
    if (second < 0xa0 || second > 0xbf) continue;
    const third = bytes[at + 2] ?? 0;
    text += `${utf8.decode(bytes.subarray(start, at))}\ufffd`;
    start = at + (third >= 0x80 && third <= 0xbf ? 3 : 2);
    at = start - 1;
  }
  return text + utf8.decode(bytes.subarray(start));
};

/**
 * Loads the decoder that reads bytes in `charset` as the gateway's Java does (`new String(bytes, charset)`):
 * the text a Java encoder's bytes stand for, and U+FFFD where Java reads it for bytes it cannot decode.
 * Use it on GBK / GB2312 response bodies before verifying them: the verifier re-encodes the text with
 * Java's encoder, so only Java's reading gives back the signed bytes (WHATWG `TextDecoder('gbk')` reads
 * `A2E3` as U+E76C where Java reads `€`, and has no GB2312 of its own).
 *
 * UTF-8 resolves at once and keeps a leading byte-order mark (U+FEFF), as Java does; `'gbk'` and
 * `'gb2312'` load iconv-lite on first use.
 *
 * @param charset - `'utf-8'`, `'gbk'` or `'gb2312'`, exactly as sent in the request's `charset`.
 * @returns A synchronous decoder, which throws SignerOptionError for anything but a Uint8Array. Rejects
 *   with SignerOptionError (`field: 'charset'`) for any other charset, CryptoUnavailableError where
 *   iconv-lite cannot load.
 *
 * @example
 * ```ts
 * const decode = await loadCharsetDecoder('gbk');
 * const text = decode(new Uint8Array(await response.arrayBuffer())); // then verifier.verifyResponse(text, …)
 * ```
 */
export async function loadCharsetDecoder(charset: Charset): Promise<(bytes: Uint8Array) => string> {
  const name = readCharset(charset ?? null, 'argument');
  return checked(name === 'utf-8' ? decodeUtf8 : (await loadJava()).decoders[name]);
}

/** The public decoders check their input is bytes (TextDecoder would throw a TypeError otherwise). */
function checked(decode: (bytes: Uint8Array) => string): (bytes: Uint8Array) => string {
  return (bytes) => {
    // Not instanceof: a Uint8Array (or Buffer) from another realm is fine too.
    if (Object.prototype.toString.call(bytes) !== '[object Uint8Array]') {
      throw new SignerOptionError('decoder: bytes must be a Uint8Array', { field: 'bytes', rule: 'type' });
    }
    return decode(bytes);
  };
}
