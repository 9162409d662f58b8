// Java's `String.getBytes("GBK")` and `getBytes("GB2312")`: the gateway is Java and decodes the request
// in the declared charset, so these are the bytes to sign. Built on iconv-lite's GBK (cp936) table plus
// the places where Java 17 differs, found by comparing every BMP code point (test/charset.java.test.ts).
// Loaded lazily together with iconv-lite: UTF-8 users never load this module.

type Iconv = typeof import('iconv-lite');

/** Java's encoders, one per multi-byte charset. */
export type JavaEncoders = Readonly<Record<'gbk' | 'gb2312', (text: string) => Uint8Array>>;

/** What Java writes for a character the charset cannot encode. */
const QUESTION = 0x3f;

// GB18030 gave these cp936 codes standard characters (ḿ ǹ, 〾 ⿰…⿻, CJK radicals, Ext. A), and iconv-lite
// follows it; Java's GBK keeps cp936's private-use ones. [first code, its private-use char, count]; codes
// that are private use in both are skipped below.
const MOVED_RUNS = [
  [0xa8bc, 0xe7c7, 1],
  [0xa8bf, 0xe7c8, 1],
  [0xa989, 0xe7e7, 13],
  [0xfe50, 0xe815, 47], // FE50–FE7E
  [0xfe80, 0xe844, 32], // FE80–FE9F (7F is no trail byte)
] as const;

// Java's GB2312 maps A1A4 and A1AA as the 1980 standard does (・ U+30FB, ― U+2015), where GBK has
// · U+00B7 and — U+2014; so · and — are '?' in Java's GB2312. Character → its GBK stand-in.
const GB2312_SWAPS: Readonly<Record<string, string>> = {
  '\u30fb': '\u00b7',
  '\u2015': '\u2014',
  '\u00b7': '?',
  '\u2014': '?',
};

// GB2312's cells as GBK codes: rows A1–A9 (symbols) have holes that GBK filled (ⅰ–ⅹ, €, vertical forms,
// extra pinyin, private use); rows B0–F7 (hanzi) are full but for D7FA–D7FE; rows AA–AF are empty.
// Row → [first, last] trail-byte runs, for the rows that are not full.
const PARTIAL_ROWS = new Map<number, readonly number[]>([
  [0xa2, [0xb1, 0xe2, 0xe5, 0xee, 0xf1, 0xfc]],
  [0xa4, [0xa1, 0xf3]],
  [0xa5, [0xa1, 0xf6]],
  [0xa6, [0xa1, 0xb8, 0xc1, 0xd8]],
  [0xa7, [0xa1, 0xc1, 0xd1, 0xf1]],
  [0xa8, [0xa1, 0xba, 0xc5, 0xe9]],
  [0xa9, [0xa4, 0xef]],
  [0xd7, [0xa1, 0xf9]],
]);

function isGb2312Cell(lead: number, trail: number): boolean {
  if (lead < 0xa1 || lead > 0xf7 || (lead > 0xa9 && lead < 0xb0) || trail < 0xa1 || trail > 0xfe)
    return false;
  const runs = PARTIAL_ROWS.get(lead);
  if (!runs) return true;
  for (let i = 0; i < runs.length; i += 2) if (trail >= runs[i]! && trail <= runs[i + 1]!) return true;
  return false;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Builds Java's GBK and GB2312 encoders on a loaded iconv-lite. */
export function createJavaEncoders(iconv: Iconv): JavaEncoders {
  // Character → Java's GBK bytes, wherever iconv-lite's differ.
  const fixes = new Map<string, Uint8Array>([
    ['\u20ac', Uint8Array.of(0xa2, 0xe3)], // €: iconv-lite writes Windows' 0x80, which Java decodes to U+FFFD
    ['\ue5e5', Uint8Array.of(0xa3, 0xa0)], // Java's A3A0 (private use); iconv-lite has none: '?'
    ['\u2641', Uint8Array.of(0xa8, 0x92)], // Java's A892 is ♁ …
    ['\u2295', Uint8Array.of(QUESTION)], // … and ⊕ (iconv-lite's A892) is not in Java's GBK
  ]);
  for (const [first, privateUse, count] of MOVED_RUNS) {
    for (let i = 0; i < count; i++) {
      const bytes = Uint8Array.of((first + i) >> 8, (first + i) & 0xff);
      const standard = iconv.decode(bytes, 'gbk');
      if (standard.charCodeAt(0) === privateUse + i) continue;
      fixes.set(String.fromCharCode(privateUse + i), bytes);
      fixes.set(standard, Uint8Array.of(QUESTION));
    }
  }
  const special = new RegExp(`[${[...fixes.keys()].join('')}]`, 'g');

  const gbk = (text: string): Uint8Array => {
    if (text.search(special) < 0) return iconv.encode(text, 'gbk'); // the common case: one call
    const parts: Uint8Array[] = [];
    let last = 0;
    for (const match of text.matchAll(special)) {
      parts.push(iconv.encode(text.slice(last, match.index), 'gbk'), fixes.get(match[0])!);
      last = match.index + 1; // all special characters are single BMP code units
    }
    parts.push(iconv.encode(text.slice(last), 'gbk'));
    return concat(parts);
  };

  // Java's GB2312 is its GBK restricted to GB2312's cells (anything else is '?'), after the two swaps.
  const gb2312 = (text: string): Uint8Array => {
    const bytes = gbk(text.replace(/[\u00b7\u2014\u2015\u30fb]/g, (c) => GB2312_SWAPS[c] ?? c));
    // Java's GBK bytes are ASCII or two-byte codes; rewritten in place, as the result is never longer.
    let length = 0;
    for (let i = 0; i < bytes.length; i++) {
      const lead = bytes[i]!;
      if (lead < 0x80) {
        bytes[length++] = lead;
        continue;
      }
      const trail = bytes[++i] ?? 0;
      if (isGb2312Cell(lead, trail)) {
        bytes[length++] = lead;
        bytes[length++] = trail;
      } else bytes[length++] = QUESTION;
    }
    return bytes.subarray(0, length);
  };

  return { gbk, gb2312 };
}
