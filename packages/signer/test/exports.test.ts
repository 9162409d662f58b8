import { describe, expect, expectTypeOf, it } from 'vitest';
import * as signer from '../src/index.js';

// Pins the runtime public API: adding or removing an export is a deliberate, visible change.
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(signer).sort()).toEqual([
      'AesError',
      'AlipayCertificateError',
      'AlipayKeyError',
      'AlipayMalformedResponseError',
      'AlipaySignatureVerificationError',
      'AopkitError',
      'CryptoUnavailableError',
      'ERROR_RESPONSE_NODE',
      'SignerError',
      'SignerOptionError',
      'aesDecrypt',
      'aesEncrypt',
      'canonicalize',
      'certSerialNumber',
      'createSigner',
      'createVerifier',
      'formatTimestamp',
      'hasLoneSurrogate',
      'isAesKey',
      'isPublicKeyOf',
      'loadCharsetDecoder',
      'loadCharsetEncoder',
      'responseNodeName',
      'rootCertSerialNumber',
      'verifyNotification',
    ]);
    expect([signer.hasLoneSurrogate('a\ud83d'), signer.hasLoneSurrogate('a\ud83d\ude00')]).toEqual([
      true,
      false,
    ]);
    expect(signer.responseNodeName('alipay.marketing.voucher.send')).toBe(
      'alipay_marketing_voucher_send_response',
    );
    expect(signer.ERROR_RESPONSE_NODE).toBe('error_response');
  });

  it('exports these types', () => {
    // Removing or renaming one of them fails the typecheck.
    type Exported = [
      signer.AesOptions,
      signer.CertificateVerifierOptions,
      signer.Charset,
      signer.CryptoChoice,
      signer.KeyFieldNames,
      signer.MalformedResponseReason,
      signer.NotificationOptions,
      signer.ParamValue,
      signer.PublicKeyVerifierOptions,
      signer.SignableParams,
      signer.Signer,
      signer.SignerOptions,
      signer.SignerOptionRule,
      signer.SignType,
      signer.VerificationFailureReason,
      signer.VerifiedResponse,
      signer.Verifier,
      signer.VerifierOptions,
    ];
    expectTypeOf<Exported>().toBeArray();
  });
});
