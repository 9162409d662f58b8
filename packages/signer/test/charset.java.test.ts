// The GBK / GB2312 bytes we sign against Java 17's String.getBytes(charset), the gateway's own encoder
// (PROTOCOL §2 step 5). Known answers were printed by Java; fixtures/java-charsets.json (made by
// fixtures/JavaCharsets.java) pins the whole BMP so CI needs no Java.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadJava } from '../src/charset/createEncoder.js';
import { canonicalize, createSigner, loadCharsetEncoder, SignerOptionError } from '../src/index.js';
import { appPrivateKeyPkcs1Pem, appPublicKeyPem } from './helpers/fixtures.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// [text, Java's getBytes("GBK"), Java's getBytes("GB2312"), why]
const KNOWN: readonly (readonly [string, string, string, string])[] = [
  ['a=1&b=two', '613d3126623d74776f', '613d3126623d74776f', 'ASCII is one byte in both'],
  ['memo=张喆', '6d656d6f3dd5c586b4', '6d656d6f3dd5c53f', '喆 is GBK-only: GB2312 writes ?'],
  ['堃玥镕', '88d2ab68e946', '3f3f3f', 'name characters outside GB2312 are ? in GB2312'],
  ['國', '87f8', '3f', 'traditional characters are GBK-only'],
  [
    '六一儿童节红包：满100减10',
    'c1f9d2bbb6f9cdafbddabaecb0fca3bac2fa313030bcf53130',
    'c1f9d2bbb6f9cdafbddabaecb0fca3bac2fa313030bcf53130',
    'GB2312 hanzi and full-width colon are the same in both',
  ],
  ['①', 'a2d9', 'a2d9', 'a GB2312 symbol is the same in both'],
  ['ⅰ', 'a2a1', '3f', 'small roman numerals are GBK additions to row A2'],
  ['€', 'a2e3', '3f', "Java's GBK has € at A2E3, not Windows' 0x80 (which Java decodes to U+FFFD)"],
  ['\u00b7', 'a1a4', '3f', "· (U+00B7) is GBK's A1A4; Java's GB2312 has ・ (U+30FB) there"],
  ['\u30fb', '3f', 'a1a4', "・ (U+30FB) is GB2312's A1A4 in Java, absent from Java's GBK"],
  ['\u2014', 'a1aa', '3f', "— (U+2014) is GBK's A1AA; Java's GB2312 has ― (U+2015) there"],
  ['\u2015', 'a844', 'a1aa', '― (U+2015) is GB2312 A1AA in Java, GBK A844'],
  ['\u2641', 'a892', '3f', "♁ is Java's GBK A892"],
  ['\u2295', '3f', '3f', "⊕ is not in Java's GBK (iconv-lite puts it at A892)"],
  [
    '\u1e3f\u303e\u2e81',
    '3f3f3f',
    '3f3f3f',
    "GB18030-2005's standard characters for old cp936 private-use codes are not in Java's GBK",
  ],
  [
    '\ue7c7\ue7e7\ue815',
    'a8bca989fe50',
    '3f3f3f',
    "Java's GBK keeps cp936's private-use characters at A8BC, A989, FE50",
  ],
  ['\ue5e5', 'a3a0', '3f', "Java's GBK maps A3A0 to U+E5E5"],
  ['\u{20000}', '3f', '3f', 'a character outside the BMP is one ?'],
];

// Java writes ? for a lone surrogate; the public encoders refuse it instead (it cannot be what the
// caller meant to sign or send). Java's answer is kept here, checked on the encoders underneath.
const LONE_SURROGATE = ['a\ud800b', '613f62', '613f62'] as const;

describe("GBK and GB2312 bytes are Java's getBytes(charset)", () => {
  describe.each(['gbk', 'gb2312'] as const)('%s', (charset) => {
    const column = charset === 'gbk' ? 1 : 2;
    it.each(KNOWN.map((row) => [row[3], row[0], row[column]] as const))('%s', async (_why, text, java) => {
      const encode = await loadCharsetEncoder(charset);
      expect(hex(encode(text))).toBe(java);
    });
  });

  it.each([
    ['gbk', '6d656d6f3dd5c586b420a2e3a1a4'],
    ['gb2312', '6d656d6f3dd5c53f203f3f'],
  ] as const)(
    'createSigner({ charset: %s }) signs the bytes Java gets for 张喆 € ·',
    async (charset, javaHex) => {
      const params = { app_id: '2021000000000000', charset, sign_type: 'RSA2', memo: '张喆 €\u00b7' };
      const signature = await createSigner({ privateKey: appPrivateKeyPkcs1Pem, charset }).sign(params);
      const canonical = canonicalize(params);
      const at = canonical.indexOf('memo=');
      const javaBytes = Buffer.concat([
        Buffer.from(canonical.slice(0, at), 'ascii'),
        Buffer.from(javaHex, 'hex'),
        Buffer.from(canonical.slice(canonical.indexOf('\u00b7') + 1), 'ascii'),
      ]);
      expect(
        verify('sha256', javaBytes, createPublicKey(appPublicKeyPem), Buffer.from(signature, 'base64')),
      ).toBe(true);
    },
  );

  // Every BMP code point (surrogates skipped) against Java 17, pinned by fixtures/java-charsets.json.
  const fixture = JSON.parse(
    readFileSync(new URL('./fixtures/java-charsets.json', import.meta.url), 'utf8'),
  ) as Record<'gbk' | 'gb2312', { sha256: string; runs: number[] }>;

  it.each(['gbk', 'gb2312'] as const)(
    '%s: Java encodes exactly the fixture code points and writes ? for all others, same bytes over the whole BMP',
    async (charset) => {
      const encode = await loadCharsetEncoder(charset);
      const javaCanEncode = new Uint8Array(0x10000);
      let codePoint = 0;
      fixture[charset].runs.forEach((count, i) => {
        if (i % 2 === 1) javaCanEncode.fill(1, codePoint, codePoint + count);
        codePoint += count;
      });
      expect(codePoint).toBe(0x10000);
      const lines: string[] = [];
      const differences: string[] = [];
      for (let cp = 0; cp <= 0xffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const bytes = hex(encode(String.fromCharCode(cp)));
        lines.push(`${bytes}\n`);
        const ours = bytes !== '3f' || cp === 0x3f;
        if (ours !== (javaCanEncode[cp] === 1)) differences.push(`U+${cp.toString(16)} ${bytes}`);
      }
      expect(differences.slice(0, 20)).toEqual([]);
      expect(createHash('sha256').update(lines.join('')).digest('hex')).toBe(fixture[charset].sha256);
    },
  );

  it.each(['gbk', 'gb2312'] as const)(
    '%s: a lone surrogate is ? underneath (as in Java), refused by the public encoder',
    async (charset) => {
      const java = await loadJava();
      expect(hex(java.encoders[charset](LONE_SURROGATE[0]))).toBe(LONE_SURROGATE[charset === 'gbk' ? 1 : 2]);
      const encode = await loadCharsetEncoder(charset);
      expect(() => encode(LONE_SURROGATE[0])).toThrow(SignerOptionError);
      expect(() => encode(LONE_SURROGATE[0])).toThrow(/text holds a lone surrogate \(U\+D800 at index 1\)/);
    },
  );

  it('gives the same bytes for a whole string as character by character (Java is stateless here)', async () => {
    const text = '张喆€·・—―ⅰ①\ue7c7\u1e3f國a\u{20000}';
    for (const charset of ['gbk', 'gb2312'] as const) {
      const encode = await loadCharsetEncoder(charset);
      expect(hex(encode(text))).toBe([...text].map((c) => hex(encode(c))).join(''));
    }
  });
});

describe('loadCharsetEncoder', () => {
  it('resolves UTF-8 at once, without iconv-lite', async () => {
    const encode = await loadCharsetEncoder('utf-8');
    expect(hex(encode('张喆€'))).toBe('e5bca0e59686e282ac');
  });

  // Was a TypeError; the signer now throws only its own errors (issue #12).
  it('rejects an unknown charset with a SignerOptionError naming it', async () => {
    // @ts-expect-error not a charset
    const error = await loadCharsetEncoder('GBK').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignerOptionError);
    expect(error).toMatchObject({ code: 'ERR_INVALID_OPTION', field: 'charset', rule: 'enum' });
    expect((error as Error).message).toMatch(
      /^charset must be one of 'utf-8', 'gbk', 'gb2312' \(got "GBK"\)$/,
    );
  });

  it.each(['utf-8', 'gbk'] as const)(
    '%s: the encoder refuses a lone surrogate and a non-string',
    async (charset) => {
      const encode = await loadCharsetEncoder(charset);
      expect(() => encode('\udc00')).toThrow(expect.objectContaining({ field: 'text', rule: 'encodable' }));
      expect(() => encode(5 as never)).toThrow(expect.objectContaining({ field: 'text', rule: 'type' }));
      expect(hex(encode('a\u{1f600}'))).toBe(charset === 'gbk' ? '613f' : '61f09f9880');
    },
  );
});
