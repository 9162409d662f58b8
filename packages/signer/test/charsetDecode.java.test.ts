// The text we read from GBK / GB2312 / UTF-8 bytes against Java 17's new String(bytes, charset), the
// gateway's own decoder (PROTOCOL §2 step 5, §5). Known answers were printed by Java;
// fixtures/java-charsets.json (made by fixtures/JavaCharsets.java) pins every one- and two-byte
// sequence, and a long byte stream, so CI needs no Java.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  aesDecrypt,
  aesEncrypt,
  type Charset,
  loadCharsetDecoder,
  loadCharsetEncoder,
  SignerOptionError,
} from '../src/index.js';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const units = (text: string) =>
  Array.from({ length: text.length }, (_, i) => text.charCodeAt(i).toString(16).padStart(4, '0')).join('');

// [charset, bytes, Java's new String(bytes, charset), why]
const KNOWN: readonly (readonly [Charset, string, string, string])[] = [
  ['gbk', 'a2e3', '€', "Java's GBK reads A2E3 as € (WHATWG TextDecoder: U+E76C)"],
  ['gbk', 'a892', '♁', "Java's GBK reads A892 as ♁ (TextDecoder and iconv-lite: ⊕)"],
  ['gbk', 'a2e3a892', '€♁', 'the two together, as a response carries them'],
  ['gbk', 'a1a4', '\u00b7', 'GBK A1A4 is · (U+00B7)'],
  ['gbk', 'a1aa', '\u2014', 'GBK A1AA is — (U+2014)'],
  ['gbk', 'a844', '\u2015', 'GBK A844 is ― (U+2015)'],
  ['gbk', 'a3a0', '\ue5e5', "Java's GBK reads A3A0 as U+E5E5 (iconv-lite: U+3000)"],
  [
    'gbk',
    'a8bca989fe50fe51',
    '\ue7c7\ue7e7\ue815\ue816',
    "Java's GBK keeps cp936's private use (GB18030: ḿ 〾 ⺁ 𠂇)",
  ],
  ['gbk', 'aaa1', '\ue000', "Java's GBK maps the user-defined area AAA1–AFFE to private use"],
  ['gbk', 'd5c586b4', '张喆', 'GBK hanzi, GB2312 or not'],
  ['gbk', '87f8', '國', 'traditional hanzi are GBK'],
  ['gbk', '80', '\ufffd', "0x80 is no character in Java's GBK (Windows' €; TextDecoder: €)"],
  ['gbk', 'ff', '\ufffd', '0xFF is no character'],
  ['gbk', '81ff41', '\ufffdA', 'a lead byte then FF (no trail, no lead, no ASCII): one U+FFFD for both'],
  ['gbk', '817f', '\ufffd\u007f', 'a lead byte then 7F (no trail byte): U+FFFD, and 7F read anew'],
  ['gbk', '8130', '\ufffd0', 'a lead byte then an ASCII digit: no GB18030 four-byte code in GBK'],
  ['gbk', 'b0a1b0', '啊\ufffd', 'a lead byte at the end is one U+FFFD'],
  ['gbk', 'efbbbf', '锘\ufffd', 'a UTF-8 BOM is just bytes in GBK'],
  ['gb2312', 'a1a4', '\u30fb', "Java's GB2312 reads A1A4 as ・ (U+30FB); TextDecoder('gb2312') is GBK: ·"],
  ['gb2312', 'a1aa', '\u2015', "Java's GB2312 reads A1AA as ― (U+2015), GBK as — (U+2014)"],
  ['gb2312', 'b0a1', '啊', 'a GB2312 hanzi'],
  ['gb2312', 'd5c586b4', '张\ufffd\ufffd', '喆 is GBK-only: 86 is no lead byte, and B4 ends the bytes'],
  ['gb2312', 'a2e3', '\ufffd\ufffd', "€'s GBK code is no GB2312 cell, and E3 (a lead byte) is read anew"],
  ['gb2312', 'a892', '\ufffd', 'A892 is no cell; 92 is neither ASCII nor a lead byte: one U+FFFD'],
  ['gb2312', 'a2a1', '\ufffd\ufffd', 'ⅰ (GBK A2A1) is no GB2312 cell'],
  ['gb2312', 'd7fa', '\ufffd', 'D7FA–D7FE are the empty cells of the hanzi rows'],
  ['gb2312', 'aaa1b0a1', '\ufffd“\ufffd', 'AA is no GB2312 lead byte: U+FFFD, then A1B0 is “'],
  ['gb2312', '8140', '\ufffd@', 'GBK-only lead byte 81: U+FFFD, then @'],
  ['utf-8', 'efbbbf41', '\ufeffA', 'Java keeps a leading BOM (TextDecoder drops it by default)'],
  ['utf-8', 'eda080', '\ufffd', 'an encoded surrogate is ONE U+FFFD in Java (TextDecoder: three)'],
  ['utf-8', 'eda0', '\ufffd', 'a cut encoded surrogate is one U+FFFD too'],
  ['utf-8', 'eda0bf41', '\ufffdA', 'the surrogate, then ASCII'],
  ['utf-8', 'f0908080', '\u{10000}', 'four bytes are a surrogate pair'],
  ['utf-8', 'c0af', '\ufffd\ufffd', 'an overlong form is one U+FFFD per byte'],
];

describe("GBK, GB2312 and UTF-8 text is Java's new String(bytes, charset)", () => {
  it.each(KNOWN.map(([charset, hex, java, why]) => [`${charset}: ${why}`, charset, hex, java] as const))(
    '%s',
    async (_why, charset, hex, java) => {
      const decode = await loadCharsetDecoder(charset);
      expect(units(decode(bytes(hex)))).toBe(units(java));
    },
  );

  // Every one- and two-byte sequence (and for UTF-8 longer samples), plus one long stream, pinned by
  // fixtures/java-charsets.json: see JavaCharsets.java for the exact order and format.
  const fixture = JSON.parse(
    readFileSync(new URL('./fixtures/java-charsets.json', import.meta.url), 'utf8'),
  ) as Record<Charset, { decode: { sha256: string; stream: string; codes: number[] } }>;
  const UTF8_SAMPLE = [
    0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xff,
  ];

  it.each(['gbk', 'gb2312', 'utf-8'] as const)(
    '%s: Java maps exactly the fixture codes, and reads every short sequence and a long stream alike',
    async (charset) => {
      const decode = await loadCharsetDecoder(charset);
      const { sha256, stream, codes } = fixture[charset].decode;
      const javaMaps = new Uint8Array(0x10000);
      let code = 0;
      codes.forEach((count, i) => {
        if (i % 2 === 1) javaMaps.fill(1, code, code + count);
        code += count;
      });
      expect(code).toBe(0x10000);

      const hash = createHash('sha256');
      const line = (...seq: number[]) => {
        const text = decode(Uint8Array.from(seq));
        hash.update(`${units(text)}\n`);
        return text;
      };
      for (let b = 0; b < 256; b++) line(b);
      const differences: string[] = [];
      const all = new Uint8Array(2 * 0x10000 + 0x10000);
      for (let c = 0; c <= 0xffff; c++) {
        const text = line(c >> 8, c & 0xff);
        if ((text.length === 1 && text !== '\ufffd') !== (javaMaps[c] === 1))
          differences.push(c.toString(16));
        all[2 * c] = c >> 8;
        all[2 * c + 1] = c & 0xff;
      }
      if (charset === 'utf-8') {
        for (let b1 = 0xc0; b1 <= 0xff; b1++)
          for (const b2 of UTF8_SAMPLE) for (const b3 of UTF8_SAMPLE) line(b1, b2, b3);
        for (let b1 = 0xc0; b1 <= 0xff; b1++)
          for (const b2 of UTF8_SAMPLE)
            for (const b3 of UTF8_SAMPLE) for (const b4 of UTF8_SAMPLE) line(b1, b2, b3, b4);
      }
      expect(differences.slice(0, 20)).toEqual([]);
      expect(hash.digest('hex')).toBe(sha256);

      let x = 2463534242 | 0; // xorshift32, as Java's int
      for (let i = 2 * 0x10000; i < all.length; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        all[i] = x & 0xff;
      }
      expect(
        createHash('sha256')
          .update(units(decode(all)))
          .digest('hex'),
      ).toBe(stream);
    },
    30_000,
  );

  it.each(['gbk', 'gb2312'] as const)(
    '%s: reads back every character Java can encode (a Java round trip), one by one and all at once',
    async (charset) => {
      const [encode, decode] = await Promise.all([loadCharsetEncoder(charset), loadCharsetDecoder(charset)]);
      const encodable: string[] = [];
      for (let cp = 0x80; cp <= 0xffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const char = String.fromCharCode(cp);
        const encoded = encode(char);
        if (encoded.length === 1) continue; // '?': Java cannot encode it
        expect(decode(encoded)).toBe(char);
        encodable.push(char);
      }
      // One to one: as many characters as codes Java maps (GBK: all 23940; GB2312: its 7445 cells).
      const mapped = fixture[charset].decode.codes.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b);
      expect(encodable.length).toBe(mapped);
      expect(mapped).toBe(charset === 'gbk' ? 23940 : 7445);
      const text = encodable.join('');
      expect(decode(encode(text))).toBe(text);
    },
  );
});

describe('loadCharsetDecoder', () => {
  it('resolves UTF-8 at once, without iconv-lite, keeping a leading BOM', async () => {
    const decode = await loadCharsetDecoder('utf-8');
    expect(decode(bytes('efbbbfe5bca0e59686e282ac'))).toBe('\ufeff张喆€');
  });

  // Was a TypeError; the signer now throws only its own errors (issue #12).
  it('rejects an unknown charset with a SignerOptionError naming it', async () => {
    // @ts-expect-error not a charset
    await expect(loadCharsetDecoder('GBK')).rejects.toThrow(SignerOptionError);
    await expect(loadCharsetDecoder(undefined as never)).rejects.toMatchObject({
      field: 'charset',
      rule: 'enum',
    });
  });

  it('the decoder refuses anything but bytes with a SignerOptionError (TextDecoder would throw a TypeError)', async () => {
    for (const charset of ['utf-8', 'gbk'] as const) {
      const decode = await loadCharsetDecoder(charset);
      expect(() => decode('text' as never)).toThrow(
        expect.objectContaining({ field: 'bytes', rule: 'type' }),
      );
      expect(decode(Buffer.from('abc'))).toBe('abc');
    }
  });
});

describe('aesDecrypt reads the plaintext as Java does', () => {
  const KEY = 'aYA0GP8JEW+D7/UFaskCWA==';

  it.each([
    ['gbk', '{"memo":"€♁ 张喆"}'],
    ['gb2312', '{"memo":"・― 张"}'],
    ['utf-8', '\ufeff{"memo":"€"}'],
  ] as const)('%s: %s round-trips (a UTF-8 BOM is kept)', async (charset, text) => {
    const ciphertext = await aesEncrypt(text, KEY, { charset });
    expect(await aesDecrypt(ciphertext, KEY, { charset })).toBe(text);
  });
});
