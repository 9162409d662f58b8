import { createDecipheriv } from 'node:crypto';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AlipayKeyError, aesDecrypt, aesEncrypt, isAesKey, SignerError } from '../src/index.js';

// The official SDK's AES (crypto-js) is an independent implementation of the same rule.
const sdkUtil = createRequire(createRequire(import.meta.url).resolve('alipay-sdk'))('./util.js') as {
  aesEncryptText(plain: string, key: string): string;
  aesDecryptText(cipher: string, key: string): string;
};
const KEY = 'aYA0GP8JEW+D7/UFaskCWA==';

describe('AES content encryption (AES-128-CBC, zero IV, PKCS#7, base64)', () => {
  it.each([
    ['empty text (one whole padding block)', ''],
    ['exactly one block', '0123456789abcdef'],
    ['biz_content with Chinese and emoji', '{"template_id":"T1","out_biz_no":"o1","memo":"中文🧧"}'],
  ])('matches the official SDK for %s and round-trips', async (_, text) => {
    const ciphertext = await aesEncrypt(text, KEY);
    expect(ciphertext).toBe(sdkUtil.aesEncryptText(text, KEY));
    expect(await aesDecrypt(ciphertext, KEY)).toBe(text);
    expect(await aesDecrypt(sdkUtil.aesEncryptText(text, KEY), KEY)).toBe(text);
  });

  it('matches a known answer', async () => {
    expect(await aesEncrypt('{"a":"中文"}', KEY)).toBe('TI5fGWVveeuELxAfOcy45g==');
  });

  it.each([
    ['not base64', 'not a key!'],
    ['24 bytes (AES-192 is not what Alipay issues)', btoa('x'.repeat(24))],
  ])('rejects a key that is %s', async (_, key) => {
    await expect(aesEncrypt('x', key)).rejects.toBeInstanceOf(AlipayKeyError);
  });

  it('isAesKey accepts exactly the keys aesEncrypt takes', async () => {
    expect(isAesKey(KEY)).toBe(true);
    expect(isAesKey(` ${KEY}\n`)).toBe(true);
    for (const bad of [
      'not a key!',
      btoa('x'.repeat(24)),
      btoa('x'.repeat(15)),
      `${KEY.slice(0, 21)}Ł==`,
      16,
      undefined,
    ]) {
      expect(isAesKey(bad)).toBe(false);
      if (typeof bad === 'string') await expect(aesEncrypt('x', bad)).rejects.toBeInstanceOf(AlipayKeyError);
    }
  });

  it('rejects ciphertext under the wrong key or of partial blocks', async () => {
    const ciphertext = await aesEncrypt('{"code":"10000"}', KEY);
    const wrong = await aesDecrypt(ciphertext, 'AAAAAAAAAAAAAAAAAAAAAA==').then(
      (text) => text,
      (e: unknown) => e,
    );
    // A wrong key fails the padding check with overwhelming probability; it never yields the text.
    expect(wrong).not.toBe('{"code":"10000"}');
    await expect(aesDecrypt('AAAA', KEY)).rejects.toBeInstanceOf(SignerError);
  });

  it.each([['gbk'], ['gb2312']] as const)(
    'encodes the plaintext in the request charset (%s), as Java does with getBytes(charset)',
    async (charset) => {
      const text = '{"memo":"六一红包"}';
      const ciphertext = await aesEncrypt(text, KEY, { charset });
      // Decrypt independently (node:crypto) and compare the raw bytes with iconv-lite's encoding.
      const decipher = createDecipheriv('aes-128-cbc', Buffer.from(KEY, 'base64'), Buffer.alloc(16));
      const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
      expect(plain).toEqual(iconv.encode(text, charset));
      expect(plain).not.toEqual(Buffer.from(text, 'utf8'));
      expect(await aesDecrypt(ciphertext, KEY, { charset })).toBe(text);
    },
  );

  it('rejects a charset it does not know, naming the option', async () => {
    await expect(aesEncrypt('x', KEY, { charset: 'latin1' as 'gbk' })).rejects.toThrow(/options\.charset/);
    await expect(aesDecrypt('AAAA', KEY, { charset: 'big5' as 'gbk' })).rejects.toThrow(/options\.charset/);
  });
});
