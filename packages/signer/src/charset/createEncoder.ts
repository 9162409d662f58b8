import { NativeBuffer } from '../encoding/nativeBuffer.js';

/** Charsets the gateway accepts (PROTOCOL §1). Lower case, as they are sent and signed. */
export type Charset = 'utf-8' | 'gbk' | 'gb2312';

/** Text → the bytes that are signed or verified; a promise only until iconv-lite has loaded. */
export type Encoder = (text: string) => Uint8Array | Promise<Uint8Array>;

type Iconv = typeof import('iconv-lite');

const utf8 = new TextEncoder();
const nativeBuffer = NativeBuffer;
const encodeUtf8: Encoder = nativeBuffer
  ? (text) => nativeBuffer.from(text, 'utf8') // same bytes (lone surrogates → U+FFFD), pooled: faster
  : (text) => utf8.encode(text);

let iconvLoading: Promise<Iconv> | undefined;
let iconv: Iconv | undefined;

function loadIconv(): Promise<Iconv> {
  iconvLoading ??= import('iconv-lite').then((m) => {
    iconv = (m as { default?: Iconv }).default ?? m;
    return iconv;
  });
  return iconvLoading;
}

/**
 * The encoder for `charset`. UTF-8 is built in and synchronous; GBK and GB2312 load iconv-lite on
 * first use only (a dynamic import), so UTF-8 users never pay for its tables.
 */
export function createEncoder(charset: Charset): Encoder {
  if (charset === 'utf-8') return encodeUtf8;
  loadIconv().catch(() => {}); // start loading now; a failure is reported by the first encode
  return (text) =>
    iconv ? iconv.encode(text, charset) : loadIconv().then((lib) => lib.encode(text, charset));
}
