import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AlipayKeyError, canonicalize, createSigner, createVerifier } from '../src/index.js';
import {
  alipayPublicCert,
  appPrivateKeyPkcs1Bare,
  appPrivateKeyPkcs1Pem,
  appPrivateKeyPkcs8Bare,
  appPrivateKeyPkcs8Pem,
  appPublicKeyBare,
  appPublicKeyPem,
} from './helpers/fixtures.js';

const CONTENT = canonicalize({ app_id: '2021', biz_content: '{"memo":"中文"}', sign_type: 'RSA2' });
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
const messy = (s: string) => `\n\t  ${s.replace(/\n/g, ' \n\t ').replace(/(.{50})/g, '$1 ')}  \r\n\n`;
const oneLine = (s: string) => s.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

const PRIVATE_FORMS: [string, string][] = [
  ['PKCS#1 PEM', appPrivateKeyPkcs1Pem],
  ['PKCS#1 bare', appPrivateKeyPkcs1Bare],
  ['PKCS#8 PEM', appPrivateKeyPkcs8Pem],
  ['PKCS#8 bare', appPrivateKeyPkcs8Bare],
  ['PKCS#1 PEM with CRLF', crlf(appPrivateKeyPkcs1Pem)],
  ['PKCS#8 bare with CRLF', crlf(appPrivateKeyPkcs8Bare)],
  ['PKCS#1 PEM with stray whitespace', messy(appPrivateKeyPkcs1Pem)],
  ['PKCS#8 bare with stray whitespace', messy(appPrivateKeyPkcs8Bare)],
  ['PKCS#1 as one base64 line', oneLine(appPrivateKeyPkcs1Pem)],
  ['PKCS#8 as one base64 line', oneLine(appPrivateKeyPkcs8Pem)],
];

describe('private key parsing', () => {
  it('every accepted form gives the same signature', async () => {
    const signatures = await Promise.all(
      PRIVATE_FORMS.map(([, key]) => createSigner({ privateKey: key }).signString(CONTENT)),
    );
    expect(new Set(signatures).size).toBe(1);
    expect(await createVerifier({ alipayPublicKey: appPublicKeyPem }).verify(CONTENT, signatures[0]!)).toBe(
      true,
    );
  });

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();
  const encrypted = privateKey
    .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'x' })
    .toString();
  const b64 = oneLine(appPrivateKeyPkcs8Pem);
  const MALFORMED: [string, unknown][] = [
    ['an empty string', ''],
    ['only whitespace', ' \r\n '],
    ['not a string', 42],
    ['not base64', `${b64.slice(0, 100)}!${b64.slice(101)}`],
    ['truncated base64', b64.slice(0, -10)],
    ['a key with a byte changed in its structure', `MIIE${'B'}${b64.slice(5)}`],
    ['valid base64 that is not DER', btoa('this is not a key, just some text that happens to be base64')],
    ['an EC private key', ec],
    ['an encrypted PEM key', encrypted],
    ['a public key', appPublicKeyPem],
    ['a certificate', alipayPublicCert],
    ['a key with 48 bytes cut from its middle', `${b64.slice(0, 600)}${b64.slice(664)}`],
  ];

  it.each(MALFORMED)('rejects %s with AlipayKeyError at creation, echoing no key material', (_, key) => {
    let error: unknown;
    try {
      createSigner({ privateKey: key as string });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AlipayKeyError);
    const { message, name } = error as AlipayKeyError;
    expect(name).toBe('AlipayKeyError');
    expect(message).toMatch(/privateKey/);
    if (typeof key === 'string') {
      const text = oneLine(key);
      for (let i = 0; i + 20 <= text.length; i++) expect(message).not.toContain(text.slice(i, i + 20));
      expect(String((error as Error).stack)).not.toContain(text.slice(40, 80) || '\u0000');
    }
  });
});

describe('public key parsing', () => {
  const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const content = 'a=1&b=中';

  it.each([
    ['SPKI PEM', appPublicKeyPem],
    ['SPKI bare', appPublicKeyBare],
    ['SPKI PEM with CRLF and stray whitespace', messy(crlf(appPublicKeyPem))],
  ])('accepts %s', async (_, key) => {
    const signature = await createSigner({ privateKey: appPrivateKeyPkcs1Pem }).signString(content);
    expect(await createVerifier({ alipayPublicKey: key }).verify(content, signature)).toBe(true);
  });

  it('accepts a PKCS#1 "RSA PUBLIC KEY"', async () => {
    const privatePem = pkcs1.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
    const publicPem = pkcs1.publicKey.export({ format: 'pem', type: 'pkcs1' }).toString();
    expect(publicPem).toContain('RSA PUBLIC KEY');
    const signature = await createSigner({ privateKey: privatePem }).signString(content);
    expect(await createVerifier({ alipayPublicKey: publicPem }).verify(content, signature)).toBe(true);
  });

  it.each([
    ['a private key', appPrivateKeyPkcs8Pem],
    ['a certificate', alipayPublicCert],
    ['garbage', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'],
  ])('rejects %s with AlipayKeyError naming alipayPublicKey', (_, key) => {
    expect(() => createVerifier({ alipayPublicKey: key })).toThrow(AlipayKeyError);
    expect(() => createVerifier({ alipayPublicKey: key })).toThrow(/alipayPublicKey/);
  });
});
