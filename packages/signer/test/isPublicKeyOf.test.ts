import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { childrenOf, readRoot } from '../src/der/readDer.js';
import { encodeNode } from '../src/der/writeDer.js';
import { AlipayCertificateError, AlipayKeyError, isPublicKeyOf } from '../src/index.js';
import {
  alipayPublicCert,
  alipayPublicKeyPem,
  appCert,
  appPrivateKeyPkcs1Bare,
  appPrivateKeyPkcs1Pem,
  appPrivateKeyPkcs8Bare,
  appPrivateKeyPkcs8Pem,
  appPublicKeyBare,
  appPublicKeyPem,
} from './helpers/fixtures.js';
import { makeCertificate } from './helpers/makeCertificate.js';

const oneLine = (s: string) => s.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** A fresh RSA pair, every textual form the console or openssl hands out. */
function freshPair(modulusLength = 2048, publicExponent = 0x10001) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength, publicExponent });
  return {
    pkcs1: privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
    pkcs8: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    spki: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    pkcs1Public: publicKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
  };
}

describe('isPublicKeyOf', () => {
  const PRIVATE_FORMS = [
    appPrivateKeyPkcs1Pem,
    appPrivateKeyPkcs1Bare,
    appPrivateKeyPkcs8Pem,
    appPrivateKeyPkcs8Bare,
  ];

  it('recognises the app public key of the fixture private key in every form', () => {
    for (const privateKey of PRIVATE_FORMS) {
      for (const publicKey of [
        appPublicKeyPem,
        appPublicKeyBare,
        crlf(appPublicKeyPem),
        `  ${appPublicKeyPem}\n\n`,
      ]) {
        expect(isPublicKeyOf(publicKey, privateKey)).toBe(true);
      }
    }
  });

  it('tells the Alipay public key (and certificates of other keys) apart from the app key', () => {
    for (const privateKey of PRIVATE_FORMS) {
      expect(isPublicKeyOf(alipayPublicKeyPem, privateKey)).toBe(false);
      expect(isPublicKeyOf(alipayPublicCert, privateKey)).toBe(false);
      expect(isPublicKeyOf(appCert, privateKey)).toBe(false);
    }
  });

  it('matches generated pairs in PKCS#1, PKCS#8, SPKI and PKCS#1 public form, and no other pair', () => {
    const a = freshPair();
    const b = freshPair();
    for (const priv of [a.pkcs1, a.pkcs8, oneLine(a.pkcs8)]) {
      for (const pub of [a.spki, a.pkcs1Public, oneLine(a.spki)]) expect(isPublicKeyOf(pub, priv)).toBe(true);
      for (const pub of [b.spki, b.pkcs1Public]) expect(isPublicKeyOf(pub, priv)).toBe(false);
    }
  });

  it('compares the exponent too: same modulus, other exponent is not the same key', () => {
    const a = freshPair(1024, 3);
    expect(isPublicKeyOf(a.spki, a.pkcs8)).toBe(true);
    // a's RSAPublicKey (n, e = 3) rebuilt with e = 65537: same modulus, a different public key.
    const der = new Uint8Array(Buffer.from(oneLine(a.pkcs1Public), 'base64'));
    const [n, e] = childrenOf(der, readRoot(der));
    expect(der.subarray(e!.start, e!.end)).toEqual(Uint8Array.of(0x02, 0x01, 0x03));
    const same = encodeNode(0x30, der.subarray(n!.start, n!.end), Uint8Array.of(0x02, 0x01, 0x03));
    const other = encodeNode(
      0x30,
      der.subarray(n!.start, n!.end),
      Uint8Array.of(0x02, 0x03, 0x01, 0x00, 0x01),
    );
    expect(isPublicKeyOf(Buffer.from(same).toString('base64'), a.pkcs8)).toBe(true);
    expect(isPublicKeyOf(Buffer.from(other).toString('base64'), a.pkcs8)).toBe(false);
  });

  it('takes the key out of a certificate, PEM or bare base64', () => {
    const { pem, privateKeyPem } = makeCertificate([['CN', 'app']], 7n);
    expect(isPublicKeyOf(pem, privateKeyPem)).toBe(true);
    expect(isPublicKeyOf(oneLine(pem), privateKeyPem)).toBe(true);
    expect(isPublicKeyOf(pem, appPrivateKeyPkcs8Pem)).toBe(false);
  });

  it('throws typed errors naming the fields, never echoing the key', () => {
    const secretish = oneLine(appPrivateKeyPkcs8Pem);
    const cases: [() => unknown, new (...a: never[]) => Error, RegExp][] = [
      [() => isPublicKeyOf('', appPrivateKeyPkcs8Pem), AlipayKeyError, /^publicKey /],
      [() => isPublicKeyOf(appPublicKeyPem, 'not a key!'), AlipayKeyError, /^privateKey /],
      [
        () => isPublicKeyOf(appPublicKeyPem, appPublicKeyPem),
        AlipayKeyError,
        /^privateKey holds a public key/,
      ],
      [
        () => isPublicKeyOf(appPrivateKeyPkcs8Pem, appPrivateKeyPkcs8Pem),
        AlipayKeyError,
        /^publicKey is a private key/,
      ],
      [
        () => isPublicKeyOf('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', secretish),
        AlipayCertificateError,
        /^publicKey is not an X\.509 certificate/,
      ],
    ];
    for (const [run, type, message] of cases) {
      let caught: unknown;
      try {
        run();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(type);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain(secretish.slice(30, 60));
    }
  });

  it('names the caller fields when given', () => {
    expect(() => isPublicKeyOf('x', appPrivateKeyPkcs8Pem, { publicKey: 'alipayPublicKey' })).toThrow(
      /^alipayPublicKey /,
    );
    expect(() => isPublicKeyOf(appPublicKeyPem, '', { privateKey: 'privateKey (app)' })).toThrow(
      /^privateKey \(app\) /,
    );
  });
});
