import { describe, expectTypeOf, it } from 'vitest';
import type {
  Charset,
  CryptoChoice,
  SignableParams,
  Signer,
  SignType,
  VerifiedResponse,
  Verifier,
  VerifierOptions,
} from '../src/index.js';
import {
  canonicalize,
  createSigner,
  createVerifier,
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
});
