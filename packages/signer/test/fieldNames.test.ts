import { describe, expect, it } from 'vitest';
import {
  AlipayCertificateError,
  AlipayKeyError,
  createVerifier,
  SignerOptionError,
  type VerifierOptions,
} from '../src/index.js';
import { alipayPublicCert, appPrivateKeyPkcs8Pem, appPublicKeyPem } from './helpers/fixtures.js';
import { makeCertificate } from './helpers/makeCertificate.js';

const messageOf = (options: VerifierOptions): string => {
  try {
    createVerifier(options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('createVerifier accepted it');
};

// An SPKI the parser accepts (rsaEncryption, a BIT STRING) whose key is a NULL: the crypto library refuses it.
const HOLLOW_SPKI = Buffer.from('3014300d06092a864886f70d01010105000303000500', 'hex').toString('base64');
const EC_CERT = makeCertificate([['CN', 'ec']], 7n, 'ec').pem;
const GARBAGE = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA';
const APP_NAMES = {
  alipayPublicKey: 'publicKey',
  alipayPublicCert: 'appCert',
  keyNoun: "the app's public key",
} as const;

describe('createVerifier fieldNames', () => {
  it('by default, key and certificate errors name the options as before', () => {
    expect(messageOf({ alipayPublicKey: 'not a key' })).toBe(
      'alipayPublicKey is neither PEM nor bare base64 (7 characters after cleanup)',
    );
    expect(messageOf({ alipayPublicKey: appPrivateKeyPkcs8Pem })).toBe(
      'alipayPublicKey is a private key, not a public key',
    );
    expect(messageOf({ alipayPublicKey: alipayPublicCert })).toBe(
      'alipayPublicKey is a certificate; use the certificate options (alipayPublicCert)',
    );
    expect(messageOf({ alipayPublicKey: HOLLOW_SPKI })).toBe(
      'the Alipay public key was refused by the crypto library',
    );
    expect(messageOf({ alipayPublicCert: 'junk!' })).toBe('alipayPublicCert is not valid base64');
    expect(messageOf({ alipayPublicCert: EC_CERT })).toBe('alipayPublicCert does not hold an RSA public key');
    expect(messageOf({ alipayPublicCert, alipayRootCert: ' ' })).toBe(
      'alipayRootCert must be a non-empty string (PEM certificate text)',
    );
  });

  it('names the fields and the key as the caller says, same classes, never the key', () => {
    const fieldNames = APP_NAMES;
    const cases: [VerifierOptions, typeof AlipayKeyError | typeof AlipayCertificateError, string][] = [
      [
        { alipayPublicKey: 'not a key', fieldNames },
        AlipayKeyError,
        'publicKey is neither PEM nor bare base64 (7 characters after cleanup)',
      ],
      [
        { alipayPublicKey: GARBAGE, fieldNames },
        AlipayKeyError,
        'publicKey is not an RSA public key (SPKI or PKCS#1)',
      ],
      [
        { alipayPublicKey: appPrivateKeyPkcs8Pem, fieldNames },
        AlipayKeyError,
        'publicKey is a private key, not a public key',
      ],
      [
        { alipayPublicKey: alipayPublicCert, fieldNames },
        AlipayKeyError,
        'publicKey is a certificate; use the certificate options (appCert)',
      ],
      [
        { alipayPublicKey: HOLLOW_SPKI, fieldNames },
        AlipayKeyError,
        "the app's public key was refused by the crypto library",
      ],
      [{ alipayPublicCert: 'junk!', fieldNames }, AlipayCertificateError, 'appCert is not valid base64'],
      [
        { alipayPublicCert: EC_CERT, fieldNames },
        AlipayCertificateError,
        'appCert does not hold an RSA public key',
      ],
      [
        { alipayPublicCert: GARBAGE, fieldNames },
        AlipayCertificateError,
        'appCert is not an X.509 certificate',
      ],
    ];
    for (const [options, errorClass, message] of cases) {
      expect(() => createVerifier(options)).toThrow(errorClass);
      const text = messageOf(options);
      expect(text).toBe(message);
      expect(text).not.toMatch(/alipay|Alipay/);
      expect(text).not.toContain('PRIVATE KEY');
      expect(text).not.toContain('CERTIFICATE');
      expect(text).not.toContain(GARBAGE.slice(0, 12));
    }
  });

  it('changes only the names: a good key verifies the same, a partial set keeps the other defaults', async () => {
    const verifier = createVerifier({ alipayPublicKey: appPublicKeyPem, fieldNames: APP_NAMES });
    expect(await verifier.verify('a=1', 'AAAA')).toBe(false);
    expect(messageOf({ alipayPublicKey: HOLLOW_SPKI, fieldNames: { alipayPublicKey: 'publicKey' } })).toBe(
      'the Alipay public key was refused by the crypto library',
    );
    expect(messageOf({ alipayPublicKey: 'x', fieldNames: { keyNoun: 'the key' } })).toMatch(
      /^alipayPublicKey is neither PEM nor bare base64/,
    );
    // The root bundle is Alipay's whoever's key is checked: it keeps its name.
    expect(messageOf({ alipayPublicCert, alipayRootCert: GARBAGE, fieldNames: APP_NAMES })).toBe(
      'alipayRootCert is not an X.509 certificate',
    );
    expect(createVerifier({ alipayPublicCert, fieldNames: {} }).alipayCertSn).toBe(
      createVerifier({ alipayPublicCert }).alipayCertSn,
    );
  });

  it('is validated like every option: unknown keys and non-strings refused with ERR_INVALID_OPTION', () => {
    const unknown = () =>
      createVerifier({ alipayPublicKey: appPublicKeyPem, fieldNames: { publicKey: 'x' } as never });
    expect(unknown).toThrow(SignerOptionError);
    expect(unknown).toThrow(
      'createVerifier: unknown key of fieldNames "publicKey" (known: alipayPublicKey, alipayPublicCert, keyNoun)',
    );
    expect(unknown).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_OPTION', field: 'publicKey', rule: 'unknown' }),
    );
    for (const bad of [5, '', '  ', null]) {
      const call = () =>
        createVerifier({ alipayPublicKey: appPublicKeyPem, fieldNames: { alipayPublicKey: bad as never } });
      expect(call).toThrow('createVerifier: fieldNames.alipayPublicKey must be a non-empty string');
      expect(call).toThrow(
        expect.objectContaining({
          code: 'ERR_INVALID_OPTION',
          field: 'fieldNames.alipayPublicKey',
          rule: 'type',
        }),
      );
    }
    for (const bad of [null, 'publicKey', []]) {
      expect(() => createVerifier({ alipayPublicKey: appPublicKeyPem, fieldNames: bad as never })).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_OPTION', field: 'fieldNames', rule: 'type' }),
      );
    }
    // A name is clipped to 40 characters: a key pasted in the wrong place is never whole in a message.
    const long = messageOf({ alipayPublicKey: 'x', fieldNames: { alipayPublicKey: GARBAGE } });
    expect(long).not.toContain(GARBAGE);
  });
});
