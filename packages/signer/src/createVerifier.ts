import { rootCertSerialNumber, snOf } from './cert/certSerialNumber.js';
import { readCertificates } from './cert/readCertificates.js';
import { rsaSpkiOf } from './cert/rsaSpkiOf.js';
import { type Charset, createEncoder } from './charset/createEncoder.js';
import type { CryptoChoice, VerifyFn } from './crypto/CryptoProvider.js';
import { selectProvider } from './crypto/selectProvider.js';
import { base64Decode, createReusingBase64Decoder } from './encoding/base64.js';
import { AlipayKeyError } from './errors/AlipayKeyError.js';
import { SignerOptionError } from './errors/SignerOptionError.js';
import { ownOptions } from './input/ownOptions.js';
import { readNames } from './input/readNames.js';
import { parsePublicKey } from './keys/parsePublicKey.js';
import { type MaybePromise, settle } from './maybeAsync.js';
import { hashOf, readCharset, readSignType, type SignType } from './options.js';
import type { VerifiedResponse } from './response/VerifiedResponse.js';
import { verifyResponseWith } from './response/verifyResponseWith.js';
import { FIELD_NAME_KEYS, type VerifierFieldNames } from './verifierFieldNames.js';

interface CommonVerifierOptions {
  /** Sign type of the responses; default `RSA2`. */
  signType?: SignType;
  /** Charset of the signed bytes; default `utf-8`. */
  charset?: Charset;
  /** Crypto implementation; default `auto`. */
  crypto?: CryptoChoice;
  /**
   * What the key and certificate errors call the options (`AlipayKeyError` / `AlipayCertificateError`
   * messages), when the key is not Alipay's or your options have other names: say `{ alipayPublicKey:
   * 'publicKey', keyNoun: "the app's public key" }`. Default: the options' own names. Errors about the
   * options themselves (both modes at once, an unknown option) keep createVerifier's names.
   */
  fieldNames?: VerifierFieldNames;
}

/** Public-key mode: the Alipay public key (SPKI, bare base64 or PEM). */
export interface PublicKeyVerifierOptions extends CommonVerifierOptions {
  /**
   * The Alipay public key (支付宝公钥 in the Open Platform console), not the app public key you uploaded:
   * SPKI or PKCS#1, bare base64 or PEM; surrounding and stray whitespace and line breaks are ignored.
   */
  alipayPublicKey: string;
}

/** Certificate mode: the Alipay public-key certificate (PEM), and optionally Alipay's root bundle. */
export interface CertificateVerifierOptions extends CommonVerifierOptions {
  /** The Alipay public-key certificate (`alipayCertPublicKey_RSA2.crt`), PEM; whitespace around it is ignored. */
  alipayPublicCert: string;
  /** Alipay's root certificate bundle (`alipayRootCert.crt`), PEM: gives `alipayRootCertSn`. */
  alipayRootCert?: string;
}

/** Options of {@link createVerifier}: one mode or the other. */
export type VerifierOptions = PublicKeyVerifierOptions | CertificateVerifierOptions;

/** Verifies gateway responses and signatures with the Alipay public key, parsed once. */
export interface Verifier {
  readonly signType: SignType;
  readonly charset: Charset;
  readonly provider: 'node' | 'web';
  /** Certificate mode: SN of the Alipay public certificate, which responses must carry as `alipay_cert_sn`. */
  readonly alipayCertSn?: string;
  /** Certificate mode with `alipayRootCert`: the `alipay_root_cert_sn` to send with requests. */
  readonly alipayRootCertSn?: string;
  /**
   * Verifies a raw response body for `method` (PROTOCOL §5). Resolves `verified: true` when the
   * node's signature checks and `verified: false` for an unsigned error report; throws
   * AlipaySignatureVerificationError or AlipayMalformedResponseError otherwise.
   */
  verifyResponse(rawBody: string, method: string): Promise<VerifiedResponse>;
  /** Checks a base64 signature over `content`; resolves false (never throws) when it does not verify. */
  verify(content: string, signature: string, signType?: SignType): Promise<boolean>;
}

// Type-checked both ways against the options of both modes.
const KNOWN = {
  alipayPublicKey: true,
  alipayPublicCert: true,
  alipayRootCert: true,
  signType: true,
  charset: true,
  crypto: true,
  fieldNames: true,
} as const satisfies Record<keyof PublicKeyVerifierOptions | keyof CertificateVerifierOptions, true>;

type OwnOptions = Partial<Record<keyof typeof KNOWN, unknown>>;

interface KeyMaterial {
  spki: Uint8Array;
  alipayCertSn?: string;
  alipayRootCertSn?: string;
}

/** Reads the key or certificate; errors name them `keyName` / `certName` (fieldNames, or the options'). */
function keyMaterialOf(options: OwnOptions, keyName: string, certName: string): KeyMaterial {
  const certMode = options.alipayPublicCert !== undefined;
  if (certMode && options.alipayPublicKey !== undefined) {
    throw new SignerOptionError(
      'createVerifier: pass alipayPublicKey or alipayPublicCert, not both (one mode or the other)',
      { field: 'alipayPublicCert', rule: 'conflict' },
    );
  }
  if (!certMode && options.alipayRootCert !== undefined) {
    throw new SignerOptionError(
      'createVerifier: alipayRootCert belongs to certificate mode: pass alipayPublicCert with it',
      { field: 'alipayRootCert', rule: 'conflict' },
    );
  }
  if (certMode) {
    const [cert] = readCertificates(options.alipayPublicCert, certName);
    const root = options.alipayRootCert;
    return {
      spki: rsaSpkiOf(cert!, certName),
      alipayCertSn: snOf(cert!),
      ...(root === undefined
        ? {}
        : { alipayRootCertSn: rootCertSerialNumber(root as string, 'alipayRootCert') }),
    };
  }
  if (options.alipayPublicKey !== undefined)
    return { spki: parsePublicKey(options.alipayPublicKey, keyName, certName) };
  throw new SignerOptionError(
    'createVerifier: pass alipayPublicKey, or alipayPublicCert (certificate mode)',
    {
      field: 'alipayPublicKey',
      rule: 'required',
    },
  );
}

/**
 * Creates a verifier. The key (or certificate) is parsed and imported here, once; a malformed one
 * throws AlipayKeyError / AlipayCertificateError now, with no key material in the message. Options
 * are read from own properties only; an unknown one, both modes at once, an unknown `signType`,
 * `charset` or `crypto`, or a `fieldNames` with an unknown key or a name that is not a non-empty string
 * throws SignerOptionError (`ERR_INVALID_OPTION`) naming it.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const own: OwnOptions = ownOptions(options, 'createVerifier', KNOWN);
  const signType = readSignType(own.signType);
  const charset = readCharset(own.charset);
  const provider = selectProvider(own.crypto as CryptoChoice | undefined);
  const {
    alipayPublicKey: keyName = 'alipayPublicKey',
    alipayPublicCert: certName = 'alipayPublicCert',
    keyNoun = 'the Alipay public key',
  } = readNames(own.fieldNames, 'createVerifier', 'fieldNames', FIELD_NAME_KEYS);
  const material = keyMaterialOf(own, keyName, certName);
  let verifyBytes: VerifyFn;
  try {
    verifyBytes = provider.createVerifyFn(material.spki);
  } catch (cause) {
    throw new AlipayKeyError(`${keyNoun} was refused by the crypto library`, { cause });
  }
  const encode = createEncoder(charset);
  const defaultHash = hashOf(signType);
  // A provider done with the bytes when it returns lets every check decode into the same buffer.
  const decodeSignature = provider.verifiesInline
    ? createReusingBase64Decoder()
    : (text: string) => base64Decode(text, true);

  // Stays synchronous with node:crypto and UTF-8, so a response check costs little beyond the RSA op.
  function check(content: string, signature: string, hash = defaultHash): MaybePromise<boolean> {
    if (typeof content !== 'string' || typeof signature !== 'string') return false;
    const raw = decodeSignature(signature);
    if (!raw) return false;
    const bytes = encode(content);
    if (bytes instanceof Uint8Array) return verifyBytes(hash, bytes, raw);
    // The charset is still loading: keep a copy, as the decoder's buffer may be reused meanwhile.
    const kept = new Uint8Array(raw);
    return bytes.then((b) => verifyBytes(hash, b, kept));
  }

  const verify = (content: string, signature: string, type?: SignType): Promise<boolean> =>
    settle(() =>
      check(content, signature, type === undefined ? defaultHash : hashOf(readSignType(type, 'argument'))),
    );

  const responseCheck = {
    verify: (c: string, s: string) => check(c, s),
    alipayCertSn: material.alipayCertSn,
  };
  return {
    signType,
    charset,
    provider: provider.name,
    ...(material.alipayCertSn === undefined ? {} : { alipayCertSn: material.alipayCertSn }),
    ...(material.alipayRootCertSn === undefined ? {} : { alipayRootCertSn: material.alipayRootCertSn }),
    verify,
    verifyResponse: (rawBody, method) => verifyResponseWith(responseCheck, rawBody, method),
  };
}
