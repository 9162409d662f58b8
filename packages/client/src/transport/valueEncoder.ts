import type { CommonRequestParams } from '@aopkit/types';

/** Percent-encodes one form or query value as bytes of the request's charset. */
export type ValueEncoder = (value: string) => string;

type Iconv = typeof import('iconv-lite');
let iconvLoading: Promise<Iconv> | undefined;

// Loaded on first GBK use only, so UTF-8 users never ship or parse its tables.
const loadIconv = (): Promise<Iconv> =>
  (iconvLoading ??= import('iconv-lite').then((m) => (m as { default?: Iconv }).default ?? m));

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
 * the value's bytes in that charset, as the gateway decodes the body with the declared charset.
 */
export async function loadValueEncoder(charset: CommonRequestParams['charset']): Promise<ValueEncoder> {
  if (charset === 'utf-8') return encodeURIComponent;
  const iconv = await loadIconv();
  return (value) => percentEncodeBytes(iconv.encode(value, charset));
}

/**
 * The first field whose text `charset` cannot represent (iconv-lite would send `?` instead, and the
 * voucher would carry altered text under a valid signature), or undefined.
 */
export async function unencodableField(
  fields: Readonly<Record<string, string>>,
  charset: Exclude<CommonRequestParams['charset'], 'utf-8'>,
): Promise<string | undefined> {
  const iconv = await loadIconv();
  return Object.keys(fields).find(
    (k) => iconv.decode(iconv.encode(fields[k]!, charset), charset) !== fields[k],
  );
}
