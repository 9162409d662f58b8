// Both crypto paths are exercised under Node: node:crypto (auto) and WebCrypto (forced).
import { describe, expect, it, vi } from 'vitest';
import { aesDecrypt, aesEncrypt, canonicalize, createSigner, createVerifier } from '../src/index.js';
import {
  appPrivateKeyPkcs1Bare,
  appPrivateKeyPkcs1Pem,
  appPrivateKeyPkcs8Bare,
  appPrivateKeyPkcs8Pem,
  appPublicKeyPem,
} from './helpers/fixtures.js';
import { METHOD, signedBody } from './helpers/responses.js';

const CONTENT = canonicalize({ app_id: '2021', biz_content: '{"memo":"中文 😀 &=%+"}', sign_type: 'RSA2' });
const KEYS = [appPrivateKeyPkcs1Pem, appPrivateKeyPkcs1Bare, appPrivateKeyPkcs8Pem, appPrivateKeyPkcs8Bare];

describe('crypto providers', () => {
  it('picks node:crypto on Node by default', () => {
    expect(createSigner({ privateKey: appPrivateKeyPkcs1Pem }).provider).toBe('node');
    expect(createVerifier({ alipayPublicKey: appPublicKeyPem }).provider).toBe('node');
  });

  it.each(['RSA2', 'RSA'] as const)(
    'WebCrypto signs byte-identically to node:crypto for %s, PKCS#1 keys wrapped to PKCS#8',
    async (signType) => {
      const node = await createSigner({ privateKey: appPrivateKeyPkcs1Pem, signType }).signString(CONTENT);
      for (const privateKey of KEYS) {
        const web = createSigner({ privateKey, signType, crypto: 'web' });
        expect(web.provider).toBe('web');
        expect(await web.signString(CONTENT)).toBe(node);
      }
    },
  );

  it('WebCrypto verifies signatures and responses, and refuses bad ones', async () => {
    const web = createVerifier({ alipayPublicKey: appPublicKeyPem, crypto: 'web' });
    const sign = await createSigner({ privateKey: appPrivateKeyPkcs8Pem }).signString(CONTENT);
    expect(await web.verify(CONTENT, sign)).toBe(true);
    expect(await web.verify(`${CONTENT}x`, sign)).toBe(false);
    const rsa = await createSigner({ privateKey: appPrivateKeyPkcs8Pem, signType: 'RSA' }).signString(
      CONTENT,
    );
    expect(await web.verify(CONTENT, rsa, 'RSA')).toBe(true);
    expect(await web.verify(CONTENT, rsa)).toBe(false); // RSA2 by default
    const body = await signedBody('{"code":"10000","msg":"Success"}');
    expect(await web.verifyResponse(body, METHOD)).toMatchObject({ verified: true });
  });

  it('WebCrypto and node:crypto agree on AES in both directions', async () => {
    const key = 'aYA0GP8JEW+D7/UFaskCWA==';
    const text = '{"template_id":"T1","memo":"中文🧧"}';
    const viaNode = await aesEncrypt(text, key);
    expect(await aesEncrypt(text, key, { crypto: 'web' })).toBe(viaNode);
    expect(await aesDecrypt(viaNode, key, { crypto: 'web' })).toBe(text);
  });

  it('rejects an unknown crypto choice, naming the option', () => {
    expect(() => createSigner({ privateKey: appPrivateKeyPkcs1Pem, crypto: 'openssl' as 'web' })).toThrow(
      /options\.crypto/,
    );
  });

  it('signs concurrently: many in-flight signatures all verify', async () => {
    const signer = createSigner({ privateKey: appPrivateKeyPkcs1Pem });
    const verifier = createVerifier({ alipayPublicKey: appPublicKeyPem });
    const contents = Array.from({ length: 64 }, (_, i) => `${CONTENT}&n=${i}`);
    const signatures = await Promise.all(contents.map((c) => signer.signString(c)));
    const checks = await Promise.all(contents.map((c, i) => verifier.verify(c, signatures[i]!)));
    expect(checks.every(Boolean)).toBe(true);
  });
});

describe('runtime detection', () => {
  it('falls back to WebCrypto where node:crypto is unreachable, and says so when node is forced', async () => {
    const original = process.getBuiltinModule;
    vi.resetModules();
    Object.assign(process, { getBuiltinModule: undefined });
    try {
      const fresh = await import('../src/index.js');
      const signer = fresh.createSigner({ privateKey: appPrivateKeyPkcs1Pem });
      expect(signer.provider).toBe('web');
      const verifier = fresh.createVerifier({ alipayPublicKey: appPublicKeyPem });
      expect(await verifier.verify(CONTENT, await signer.signString(CONTENT))).toBe(true);
      expect(() => fresh.createSigner({ privateKey: appPrivateKeyPkcs1Pem, crypto: 'node' })).toThrow(
        /node:crypto is not available/,
      );
    } finally {
      Object.assign(process, { getBuiltinModule: original });
      vi.resetModules();
    }
  });
});
