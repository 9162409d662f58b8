import { canonicalize, type SignableParams } from './canonicalize.js';
import { type Charset, createEncoder } from './charset/createEncoder.js';
import type { CryptoChoice, SignFn } from './crypto/CryptoProvider.js';
import { selectProvider } from './crypto/selectProvider.js';
import { AlipayKeyError } from './errors/AlipayKeyError.js';
import { SignerOptionError } from './errors/SignerOptionError.js';
import { checkEncodable } from './input/loneSurrogate.js';
import { ownOptions } from './input/ownOptions.js';
import { parsePrivateKey } from './keys/parsePrivateKey.js';
import { after, settle } from './maybeAsync.js';
import { hashOf, readCharset, readSignType, type SignType } from './options.js';

/** Options of {@link createSigner}. */
export interface SignerOptions {
  /**
   * App private key: bare base64 or PEM, PKCS#1 or PKCS#8. Surrounding whitespace, line breaks (CRLF
   * too) and stray whitespace inside are ignored.
   */
  privateKey: string;
  /** Default `RSA2`. */
  signType?: SignType;
  /** Charset of the signed bytes; must match the request's `charset` parameter. Default `utf-8`. */
  charset?: Charset;
  /** Crypto implementation; default `auto` (node:crypto where present, else WebCrypto). */
  crypto?: CryptoChoice;
}

// Type-checked both ways: a key added to SignerOptions and not here (or the reverse) fails to compile.
const KNOWN = { privateKey: true, signType: true, charset: true, crypto: true } as const satisfies Record<
  keyof SignerOptions,
  true
>;

/** Signs gateway requests with one app private key, parsed once. */
export interface Signer {
  readonly signType: SignType;
  readonly charset: Charset;
  /** Which crypto implementation signs: `node` or `web`. */
  readonly provider: 'node' | 'web';
  /**
   * Signs request parameters: canonicalises them (PROTOCOL §2) and signs the result. Resolves to base64.
   * Rejects with SignerOptionError as {@link canonicalize} throws it (a lone surrogate, a value of
   * another type), naming the parameter.
   */
  sign(params: SignableParams): Promise<string>;
  /**
   * Signs an already canonical string, encoded in the signer's charset. Resolves to base64. Rejects
   * with SignerOptionError (`field: 'content'`) when `content` is not a string or holds a lone surrogate.
   */
  signString(content: string): Promise<string>;
}

/**
 * Creates a signer. The key is parsed and imported here, once; a malformed key throws
 * {@link AlipayKeyError} (`ERR_KEY_INVALID`) now (its message never contains the key), not at the
 * first request. Options are read from own properties only and validated: an unknown option (such as a
 * misspelt `signtype`), or an unknown `signType`, `charset` or `crypto` value, throws SignerOptionError
 * (`ERR_INVALID_OPTION`) naming it; a runtime without the asked-for crypto throws CryptoUnavailableError.
 */
export function createSigner(options: SignerOptions): Signer {
  const own = ownOptions(options, 'createSigner', KNOWN);
  const signType = readSignType(own.signType);
  const charset = readCharset(own.charset);
  const provider = selectProvider(own.crypto as CryptoChoice | undefined);
  const pkcs8 = parsePrivateKey(own.privateKey, 'privateKey');
  let signBytes: SignFn;
  try {
    signBytes = provider.createSignFn(pkcs8, hashOf(signType));
  } catch (cause) {
    throw new AlipayKeyError('privateKey was refused by the crypto library', { cause });
  }
  const encode = createEncoder(charset);

  // No async function, no await: the only asynchronous step is the signature on the thread pool.
  const signChecked = (content: string) => after(encode(content), signBytes);

  function signString(content: string): Promise<string> {
    return settle(() => {
      if (typeof content !== 'string') {
        throw new SignerOptionError(`signString: content must be a string (got ${typeof content})`, {
          field: 'content',
          rule: 'type',
        });
      }
      checkEncodable(content, 'content');
      return signChecked(content);
    });
  }

  return {
    signType,
    charset,
    provider: provider.name,
    signString,
    // canonicalize has checked every part already.
    sign: (params) => settle(() => signChecked(canonicalize(params))),
  };
}
