import iconv from 'iconv-lite';

type Charset = 'utf-8' | 'gbk' | 'gb2312';

const UNRESERVED = /[A-Za-z0-9\-_.*]/;

/** Percent-encodes text as bytes in `charset`, as Java's URLEncoder.encode(value, charset) does. */
export function percentEncode(text: string, charset: Charset): string {
  const bytes = charset === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, charset);
  let out = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && UNRESERVED.test(char)) out += char;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A form body or query string in `charset`. */
export function encodeForm(params: Record<string, string>, charset: Charset): string {
  return Object.entries(params)
    .map(([key, value]) => `${percentEncode(key, charset)}=${percentEncode(value, charset)}`)
    .join('&');
}
