import { describe, expectTypeOf, it } from 'vitest';
import type {
  AesError,
  AlipayCertificateError,
  AlipayKeyError,
  AlipayMalformedResponseError,
  AlipaySignatureVerificationError,
  Charset,
  CryptoChoice,
  CryptoUnavailableError,
  MalformedResponseReason,
  SignableParams,
  Signer,
  SignerOptionError,
  SignerOptionRule,
  SignType,
  VerificationFailureReason,
  VerifiedResponse,
  Verifier,
  VerifierOptions,
} from '../src/index.js';
import {
  type AopkitError,
  canonicalize,
  createSigner,
  createVerifier,
  isPublicKeyOf,
  loadCharsetDecoder,
  loadCharsetEncoder,
  verifyNotification,
} from '../src/index.js';

describe('public types', () => {
  it('pins the signer and verifier shapes', () => {
    expectTypeOf(createSigner).parameter(0).toHaveProperty('privateKey').toEqualTypeOf<string>();
    expectTypeOf(createSigner).returns.toEqualTypeOf<Signer>();
    expectTypeOf<Signer['sign']>().returns.toEqualTypeOf<Promise<string>>();
    expectTypeOf<Signer['signString']>().parameters.toEqualTypeOf<[content: string]>();
    expectTypeOf(createVerifier).parameter(0).toEqualTypeOf<VerifierOptions>();
    expectTypeOf<Verifier['verifyResponse']>().returns.toEqualTypeOf<Promise<VerifiedResponse>>();
    expectTypeOf(verifyNotification).returns.toEqualTypeOf<Promise<boolean>>();
    expectTypeOf(canonicalize).parameter(0).toEqualTypeOf<SignableParams>();
    expectTypeOf(loadCharsetEncoder).toEqualTypeOf<
      (charset: Charset) => Promise<(text: string) => Uint8Array>
    >();
    expectTypeOf(loadCharsetDecoder).toEqualTypeOf<
      (charset: Charset) => Promise<(bytes: Uint8Array) => string>
    >();
  });

  it('pins the option unions', () => {
    expectTypeOf<SignType>().toEqualTypeOf<'RSA2' | 'RSA'>();
    expectTypeOf<Charset>().toEqualTypeOf<'utf-8' | 'gbk' | 'gb2312'>();
    expectTypeOf<CryptoChoice>().toEqualTypeOf<'auto' | 'node' | 'web'>();
  });

  it('refuses unknown option values and a key-less verifier at compile time', () => {
    // @ts-expect-error 'RSA256' is not a sign type
    createSigner({ privateKey: 'k', signType: 'RSA256' });
    // @ts-expect-error a verifier needs alipayPublicKey or alipayPublicCert
    createVerifier({ charset: 'utf-8' });
  });

  it('pins each error class to its code, and the reasons to their unions', () => {
    expectTypeOf<SignerOptionError['code']>().toEqualTypeOf<'ERR_INVALID_OPTION'>();
    expectTypeOf<AlipayKeyError['code']>().toEqualTypeOf<'ERR_KEY_INVALID'>();
    expectTypeOf<AlipayCertificateError['code']>().toEqualTypeOf<'ERR_CERTIFICATE_INVALID'>();
    expectTypeOf<AlipaySignatureVerificationError['code']>().toEqualTypeOf<'ERR_RESPONSE_SIGNATURE'>();
    expectTypeOf<AlipayMalformedResponseError['code']>().toEqualTypeOf<'ERR_RESPONSE_MALFORMED'>();
    expectTypeOf<AesError['code']>().toEqualTypeOf<'ERR_AES'>();
    expectTypeOf<CryptoUnavailableError['code']>().toEqualTypeOf<'ERR_CRYPTO_UNAVAILABLE'>();
    expectTypeOf<SignerOptionError>().toExtend<AopkitError>();
    expectTypeOf<AlipaySignatureVerificationError['reason']>().toEqualTypeOf<VerificationFailureReason>();
    expectTypeOf<VerificationFailureReason>().toEqualTypeOf<
      'bad-signature' | 'missing-signature' | 'cert-sn-mismatch'
    >();
    expectTypeOf<AlipayMalformedResponseError['reason']>().toEqualTypeOf<MalformedResponseReason>();
    expectTypeOf<MalformedResponseReason>().toEqualTypeOf<
      'not-json' | 'node-missing' | 'duplicate-node' | 'unexpected-shape'
    >();
    expectTypeOf<SignerOptionError['rule']>().toEqualTypeOf<SignerOptionRule>();
    expectTypeOf<SignerOptionError['field']>().toEqualTypeOf<string>();
  });

  it('pins isPublicKeyOf', () => {
    expectTypeOf(isPublicKeyOf).toEqualTypeOf<
      (publicKey: string, privateKey: string, fields?: { publicKey?: string; privateKey?: string }) => boolean
    >();
  });
});
