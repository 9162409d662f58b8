import { loadCharsetDecoder, loadCharsetEncoder } from '@aopkit/signer';
import type { Charset } from '@aopkit/types';

/** Percent-encodes one form or query value as bytes of the request's charset. */
export type ValueEncoder = (value: string) => string;

const HEX = Array.from({ length: 256 }, (_, b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`);
// RFC 3986 unreserved characters stay as they are; every other byte is %XX.
const isUnreserved = (b: number): boolean =>
  (b >= 0x30 && b <= 0x39) ||
  (b >= 0x41 && b <= 0x5a) ||
  (b >= 0x61 && b <= 0x7a) ||
  b === 0x2d ||
  b === 0x2e ||
  b === 0x5f ||
  b === 0x7e;

function percentEncodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += isUnreserved(b) ? String.fromCharCode(b) : HEX[b];
  return out;
}

/**
 * The value encoder for `charset`: UTF-8 is `encodeURIComponent`; GBK and GB2312 percent-encode
 * the value's bytes in that charset, as the gateway decodes the body with the declared charset. The
 * bytes are the signer's (Java's `getBytes(charset)`), so what is sent is what is signed. The signer
 * loads its GBK tables on first GBK use only, so UTF-8 users never parse them.
 */
export async function loadValueEncoder(charset: Charset): Promise<ValueEncoder> {
  if (charset === 'utf-8') return encodeURIComponent;
  const encode = await loadCharsetEncoder(charset);
  return (value) => percentEncodeBytes(encode(value));
}

/**
 * The first field whose text Java's `charset` cannot represent, or undefined: a Java round trip
 * (encode as Java's `getBytes`, read back as Java's `new String`) must give the text back. Else Java
 * writes `?`, and the voucher would carry altered text under a valid signature (GB2312: 喆, ·, —, €…).
 */
export async function unencodableField(
  fields: Readonly<Record<string, string>>,
  charset: Exclude<Charset, 'utf-8'>,
): Promise<string | undefined> {
  const [encode, decode] = await Promise.all([loadCharsetEncoder(charset), loadCharsetDecoder(charset)]);
  return Object.keys(fields).find((k) => decode(encode(fields[k]!)) !== fields[k]);
}
