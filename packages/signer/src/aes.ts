import { loadCharsetDecoder } from './charset/createDecoder.js';
import { type Charset, createEncoder } from './charset/createEncoder.js';
import type { CryptoChoice } from './crypto/CryptoProvider.js';
import { selectProvider } from './crypto/selectProvider.js';
import { base64Decode, base64Encode } from './encoding/base64.js';
import { AesError } from './errors/AesError.js';
import { AlipayKeyError } from './errors/AlipayKeyError.js';
import { SignerOptionError } from './errors/SignerOptionError.js';
import { checkEncodable } from './input/loneSurrogate.js';
import { ownOptions } from './input/ownOptions.js';
import { readCharset } from './options.js';

/** Options of {@link aesEncrypt} and {@link aesDecrypt}. */
export interface AesOptions {
  /** Crypto implementation; default `auto`. */
  crypto?: CryptoChoice;
  /**
   * The request's charset, in which the plaintext is encoded (as the Java SDK and the gateway do:
   * `content.getBytes(charset)`); default `utf-8`. GBK and GB2312 load iconv-lite on first use.
   */
  charset?: Charset;
}

const KNOWN = { crypto: true, charset: true } as const satisfies Record<keyof AesOptions, true>;

const keyBytes = (base64Key: unknown): Uint8Array | undefined =>
  typeof base64Key === 'string' ? base64Decode(base64Key.trim()) : undefined;

/**
 * Whether `value` is an AES key as Alipay issues it and {@link aesEncrypt} takes it: standard base64
 * of 16 bytes (AES-128), surrounding whitespace allowed. For validating options without echoing them.
 */
export const isAesKey = (value: unknown): boolean => keyBytes(value)?.length === 16;

function aesKeyBytes(base64Key: string): Uint8Array {
  const key = keyBytes(base64Key);
  if (key?.length !== 16) {
    throw new AlipayKeyError('the AES key must be base64 of 16 bytes (AES-128, as Alipay issues it)');
  }
  return key;
}

function readAesOptions(options: AesOptions | undefined, fn: string) {
  const own = ownOptions(options, fn, KNOWN, { required: false });
  return {
    charset: readCharset(own.charset),
    provider: selectProvider(own.crypto as CryptoChoice | undefined),
  };
}

/**
 * Encrypts `plaintext` (encoded in `options.charset`, UTF-8 by default) for `biz_content`
 * (PROTOCOL §10): AES-128-CBC, zero IV, PKCS#7 padding, standard base64. Encrypt first, then sign;
 * `encrypt_type=AES` is signed too. The key is base64 of 16 bytes; surrounding whitespace is ignored.
 * Rejects with AlipayKeyError for a malformed key (never echoing it), SignerOptionError for an unknown
 * option or a `plaintext` that is not a string or holds a lone surrogate (it cannot be encoded).
 */
export async function aesEncrypt(
  plaintext: string,
  base64Key: string,
  options: AesOptions = {},
): Promise<string> {
  const key = aesKeyBytes(base64Key);
  const { charset, provider } = readAesOptions(options, 'aesEncrypt');
  if (typeof plaintext !== 'string') {
    throw new SignerOptionError(`aesEncrypt: plaintext must be a string (got ${typeof plaintext})`, {
      field: 'plaintext',
      rule: 'type',
    });
  }
  checkEncodable(plaintext, 'plaintext');
  const bytes = await createEncoder(charset)(plaintext);
  return base64Encode(await provider.aesCbc('encrypt', key, bytes));
}

/**
 * Decrypts an AES-encrypted response node or `biz_content` back to text, read in `options.charset` as
 * Java reads it (`new String(bytes, charset)`: Java's GBK / GB2312, and a leading BOM kept). Rejects
 * with AesError (`ERR_AES`) when the ciphertext is not base64 of whole blocks or does not decrypt
 * (wrong key, corrupted text), AlipayKeyError for a malformed key.
 */
export async function aesDecrypt(
  ciphertextB64: string,
  base64Key: string,
  options: AesOptions = {},
): Promise<string> {
  const key = aesKeyBytes(base64Key);
  const { charset, provider } = readAesOptions(options, 'aesDecrypt');
  const data =
    typeof ciphertextB64 === 'string' ? base64Decode(ciphertextB64.replace(/\s+/g, '')) : undefined;
  if (!data || data.length === 0 || data.length % 16 !== 0) {
    throw new AesError('the AES ciphertext is not base64 of whole 16-byte blocks');
  }
  let plain: Uint8Array;
  try {
    plain = await provider.aesCbc('decrypt', key, data);
  } catch (cause) {
    // Wrong key or corrupted text: the padding does not check out.
    throw new AesError('AES decryption failed (wrong key or corrupted ciphertext)', { cause });
  }
  return (await loadCharsetDecoder(charset))(plain);
}
