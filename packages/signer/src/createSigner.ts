import { canonicalize, type SignableParams } from './canonicalize.js';
import { type Charset, createEncoder } from './charset/createEncoder.js';
import type { CryptoChoice, SignFn } from './crypto/CryptoProvider.js';
import { selectProvider } from './crypto/selectProvider.js';
import { AlipayKeyError } from './errors/AlipayKeyError.js';
import { parsePrivateKey } from './keys/parsePrivateKey.js';
import { after, settle } from './maybeAsync.js';
import { hashOf, readCharset, readSignType, type SignType } from './options.js';

/** Options of {@link createSigner}. */
export interface SignerOptions {
  /** App private key: bare base64 or PEM, PKCS#1 or PKCS#8; whitespace and CRLF are fine. */
  privateKey: string;
  /** Default `RSA2`. */
  signType?: SignType;
  /** Charset of the signed bytes; must match the request's `charset` parameter. Default `utf-8`. */
  charset?: Charset;
  /** Crypto implementation; default `auto` (node:crypto where present, else WebCrypto). */
  crypto?: CryptoChoice;
}

/** Signs gateway requests with one app private key, parsed once. */
export interface Signer {
  readonly signType: SignType;
  readonly charset: Charset;
  /** Which crypto implementation signs: `node` or `web`. */
  readonly provider: 'node' | 'web';
  /** Signs request parameters: canonicalises them (PROTOCOL §2) and signs the result. Resolves to base64. */
  sign(params: SignableParams): Promise<string>;
  /** Signs an already canonical string, encoded in the signer's charset. Resolves to base64. */
  signString(content: string): Promise<string>;
}

/**
 * Creates a signer. The key is parsed and imported here, once; a malformed key throws
 * {@link AlipayKeyError} now (its message never contains the key), not at the first request.
 * Options are validated too: an unknown `signType` or `charset` throws a TypeError naming it.
 */
export function createSigner(options: SignerOptions): Signer {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('createSigner: options are required');
  const signType = readSignType(options.signType);
  const charset = readCharset(options.charset);
  const provider = selectProvider(options.crypto);
  const pkcs8 = parsePrivateKey(options.privateKey);
  let signBytes: SignFn;
  try {
    signBytes = provider.createSignFn(pkcs8, hashOf(signType));
  } catch (cause) {
    throw new AlipayKeyError('privateKey was refused by the crypto library', { cause });
  }
  const encode = createEncoder(charset);

  function signString(content: string): Promise<string> {
    if (typeof content !== 'string')
      return Promise.reject(new TypeError('signString: content must be a string'));
    // No async function, no await: the only asynchronous step is the signature on the thread pool.
    return settle(() => after(encode(content), signBytes));
  }

  return {
    signType,
    charset,
    provider: provider.name,
    signString,
    sign: (params) => settle(() => signString(canonicalize(params))),
  };
}
