import { loadCharsetEncoder } from '@aopkit/signer';

type Charset = 'utf-8' | 'gbk' | 'gb2312';

const UNRESERVED = /[A-Za-z0-9\-_.*]/;

// Java's getBytes(charset), which URLEncoder uses: GBK writes € as A2E3 and ♁ as A892.
const JAVA = {
  'utf-8': await loadCharsetEncoder('utf-8'),
  gbk: await loadCharsetEncoder('gbk'),
  gb2312: await loadCharsetEncoder('gb2312'),
};

/** Percent-encodes text as bytes in `charset`, as Java's URLEncoder.encode(value, charset) does. */
export function percentEncode(text: string, charset: Charset): string {
  const bytes = JAVA[charset](text);
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
