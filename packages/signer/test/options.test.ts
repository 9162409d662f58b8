import { describe, expect, it } from 'vitest';
import {
  AlipayCertificateError,
  AlipayKeyError,
  AlipayMalformedResponseError,
  AlipaySignatureVerificationError,
  createSigner,
  createVerifier,
  SignerError,
  SignerOptionError,
} from '../src/index.js';
import { appPrivateKeyPkcs1Pem, appPublicKeyPem } from './helpers/fixtures.js';

describe('option validation', () => {
  it.each([
    ['signType', { signType: 'RSA256' }, /options\.signType must be one of 'RSA2', 'RSA' \(got "RSA256"\)/],
    [
      'charset (signed as written, so UTF-8 is not utf-8)',
      { charset: 'UTF-8' },
      /options\.charset must be one of 'utf-8', 'gbk', 'gb2312'/,
    ],
  ])('createSigner rejects an unknown %s, naming the field', (_, bad, message) => {
    expect(() => createSigner({ privateKey: appPrivateKeyPkcs1Pem, ...(bad as object) })).toThrow(message);
    expect(() => createVerifier({ alipayPublicKey: appPublicKeyPem, ...(bad as object) })).toThrow(message);
  });

  it('defaults to RSA2 and utf-8', () => {
    expect(createSigner({ privateKey: appPrivateKeyPkcs1Pem })).toMatchObject({
      signType: 'RSA2',
      charset: 'utf-8',
    });
  });

  it('requires options and a key', () => {
    // Was a TypeError; the signer now throws only its own errors (issue #12).
    expect(() => createSigner(undefined as never)).toThrow(SignerOptionError);
    expect(() => createVerifier({} as never)).toThrow(/alipayPublicKey, or alipayPublicCert/);
    const both = { alipayPublicKey: appPublicKeyPem, alipayPublicCert: 'x' } as never;
    expect(() => createVerifier(both)).toThrow(/not both/);
    expect(() => createSigner({} as never)).toThrow(AlipayKeyError);
  });

  it('rejects a non-string content and a missing method', async () => {
    const signer = createSigner({ privateKey: appPrivateKeyPkcs1Pem });
    // Was a TypeError; the signer now throws only its own errors (issue #12).
    await expect(signer.signString(5 as never)).rejects.toThrow(SignerOptionError);
    await expect(
      createVerifier({ alipayPublicKey: appPublicKeyPem }).verifyResponse('{}', ''),
    ).rejects.toThrow(/method/);
  });

  it('resolves false, never throws, from verify() on junk', async () => {
    const verifier = createVerifier({ alipayPublicKey: appPublicKeyPem });
    expect(await verifier.verify('a', '')).toBe(false);
    expect(await verifier.verify('a', 'A')).toBe(false);
    expect(await verifier.verify('a', 'AAAA')).toBe(false);
  });
});

describe('errors', () => {
  it.each([
    ['AlipayKeyError', new AlipayKeyError('m')],
    ['AlipayCertificateError', new AlipayCertificateError('m')],
    ['AlipayMalformedResponseError', new AlipayMalformedResponseError('m', 'not-json')],
    [
      'AlipaySignatureVerificationError',
      new AlipaySignatureVerificationError('m', { reason: 'bad-signature', content: 'c', signature: 's' }),
    ],
  ])('%s has its name, extends SignerError and Error, and keeps the cause', (name, error) => {
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(SignerError);
    expect(error).toBeInstanceOf(Error);
    const cause = new Error('inner');
    expect(new SignerError('outer', { cause }).cause).toBe(cause);
  });
});
