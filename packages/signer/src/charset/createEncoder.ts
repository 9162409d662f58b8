import { NativeBuffer } from '../encoding/nativeBuffer.js';
import { CryptoUnavailableError } from '../errors/CryptoUnavailableError.js';
import { SignerOptionError } from '../errors/SignerOptionError.js';
import { checkEncodable } from '../input/loneSurrogate.js';
import { readCharset } from '../options.js';
import type { createJavaCharsets } from './javaEncoders.js';

/** Charsets the gateway accepts (PROTOCOL §1). Lower case, as they are sent and signed. */
export type Charset = 'utf-8' | 'gbk' | 'gb2312';

/** Text → the bytes that are signed or verified; a promise only until iconv-lite has loaded. */
export type Encoder = (text: string) => Uint8Array | Promise<Uint8Array>;

type Iconv = typeof import('iconv-lite');

const utf8 = new TextEncoder();
const nativeBuffer = NativeBuffer;
const encodeUtf8: (text: string) => Uint8Array = nativeBuffer
  ? (text) => nativeBuffer.from(text, 'utf8') // same bytes (lone surrogates → U+FFFD), pooled: faster
  : (text) => utf8.encode(text);

/** Java's GBK and GB2312 encoders and decoders. */
export type JavaCharsets = ReturnType<typeof createJavaCharsets>;

let javaLoading: Promise<JavaCharsets> | undefined;
let java: JavaCharsets['encoders'] | undefined;

/**
 * Loads iconv-lite and Java's corrections to it (javaEncoders.ts) together, on first use only. Rejects
 * with CryptoUnavailableError where iconv-lite cannot load (it needs Node's `Buffer`).
 */
export function loadJava(): Promise<JavaCharsets> {
  javaLoading ??= Promise.all([import('iconv-lite'), import('./javaEncoders.js')]).then(
    ([m, j]) => {
      const charsets = j.createJavaCharsets((m as { default?: Iconv }).default ?? m);
      java = charsets.encoders;
      return charsets;
    },
    (cause: unknown) => {
      throw new CryptoUnavailableError(
        "charsets 'gbk' and 'gb2312' need iconv-lite, which could not be loaded in this runtime (it needs Node's Buffer)",
        { cause },
      );
    },
  );
  return javaLoading;
}

/** The public encoders check their input: a string, without lone surrogates (they cannot be encoded). */
function checked(encode: (text: string) => Uint8Array): (text: string) => Uint8Array {
  return (text) => {
    if (typeof text !== 'string') {
      throw new SignerOptionError(`encoder: text must be a string (got ${typeof text})`, {
        field: 'text',
        rule: 'type',
      });
    }
    checkEncodable(text, 'text');
    return encode(text);
  };
}

const checkedUtf8 = checked(encodeUtf8);

/**
 * The encoder for `charset`: the bytes Java's `String.getBytes(charset)` makes, as the gateway reads them.
 * UTF-8 is built in and synchronous; GBK and GB2312 load iconv-lite on first use only (a dynamic import),
 * so UTF-8 users never pay for its tables.
 */
export function createEncoder(charset: Charset): Encoder {
  if (charset === 'utf-8') return encodeUtf8;
  loadJava().catch(() => {}); // start loading now; a failure is reported by the first encode
  return (text) => (java ? java[charset](text) : loadJava().then((j) => j.encoders[charset](text)));
}

/**
 * Loads the encoder that turns text into the bytes the signer signs for `charset`: Java's
 * `String.getBytes(charset)`, as the gateway decodes them (characters a charset cannot encode become `?`,
 * as in Java). Use it to percent-encode form values with the very same bytes.
 *
 * UTF-8 resolves at once; `'gbk'` and `'gb2312'` load iconv-lite on first use. A returned array may be a
 * view into a larger buffer: use the array itself, never its `.buffer`.
 *
 * The encoder throws SignerOptionError (rule `encodable`) for a string holding a lone surrogate: UTF-8
 * would write U+FFFD and Java `?`, so the bytes would not be the text.
 *
 * @param charset - `'utf-8'`, `'gbk'` or `'gb2312'`, exactly as sent in the request's `charset`.
 * @returns A synchronous encoder. Rejects with SignerOptionError (`field: 'charset'`) for any other
 *   charset, CryptoUnavailableError where iconv-lite cannot load.
 *
 * @example
 * ```ts
 * const encode = await loadCharsetEncoder('gbk');
 * const escaped = Array.from(encode('张三'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
 * ```
 */
export async function loadCharsetEncoder(charset: Charset): Promise<(text: string) => Uint8Array> {
  if (charset === 'utf-8') return checkedUtf8;
  const name = readCharset(charset ?? null, 'argument');
  if (name === 'utf-8') return checkedUtf8;
  const encoders = (await loadJava()).encoders;
  return checked(encoders[name]);
}
