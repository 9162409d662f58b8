// Java's `String.getBytes("GBK")` / `getBytes("GB2312")` and `new String(bytes, "GBK")` / `"GB2312"`: the
// gateway is Java, decodes the request and encodes its answer in the declared charset, so these are the
// bytes to sign and the text to verify. Built on iconv-lite's GBK (cp936) table plus the places where
// Java 17 differs, found by comparing every BMP code point and every one- and two-byte sequence
// (test/charset.java.test.ts, test/charsetDecode.java.test.ts). Java maps both ways one to one, so the
// decoders invert the encoders' corrections. Loaded lazily together with iconv-lite: UTF-8 users never
// load this module.

type Iconv = typeof import('iconv-lite');

/** Java's encoders, one per multi-byte charset. */
export type JavaEncoders = Readonly<Record<'gbk' | 'gb2312', (text: string) => Uint8Array>>;

/** Java's decoders, one per multi-byte charset: any bytes, U+FFFD where Java writes it. */
export type JavaDecoders = Readonly<Record<'gbk' | 'gb2312', (bytes: Uint8Array) => string>>;

/** What Java writes for a character the charset cannot encode. */
const QUESTION = 0x3f;

/** What Java reads for bytes the charset cannot decode. */
const REPLACEMENT = '\ufffd';

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

// GB2312's lead bytes in Java: the rows that have cells (GBK's are 81–FE).
const isGb2312Lead = (b: number): boolean => (b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7);

// GBK's lead bytes and codes: Java maps every one of them (user-defined areas included) to a character.
const isGbkLead = (b: number): boolean => b >= 0x81 && b <= 0xfe;
const isGbkCode = (lead: number, trail: number): boolean =>
  isGbkLead(lead) && trail >= 0x40 && trail <= 0xfe && trail !== 0x7f;

/** Java's GBK (and GB2312) decoding rules, over iconv-lite's GBK table plus Java's own characters. */
interface DecodingRules {
  isCode(lead: number, trail: number): boolean;
  isLead(b: number): boolean;
  /** Code (lead << 8 | trail) → Java's character, wherever iconv-lite's differs. */
  special: ReadonlyMap<number, string>;
}

// Java's DoubleByte decoder (sun.nio.cs): a byte below 0x80 is ASCII; a code is two bytes. Where a non-ASCII
// byte starts no code, Java reads one U+FFFD for it and reads the next byte anew, except after a lead
// byte whose next byte is neither ASCII nor a lead byte (as FF): then one U+FFFD stands for both. A byte
// left at the end is one U+FFFD. Runs of good codes go to iconv-lite in one call.
function javaDecoder(iconv: Iconv, rules: DecodingRules): (bytes: Uint8Array) => string {
  const { isCode, isLead, special } = rules;
  const run = (bytes: Uint8Array, start: number, end: number): string =>
    start === end ? '' : iconv.decode(bytes.subarray(start, end), 'gbk', { stripBOM: false });
  return (bytes) => {
    let text = '';
    let start = 0; // the first byte not yet decoded
    let i = 0;
    while (i < bytes.length) {
      const lead = bytes[i]!;
      if (lead < 0x80) {
        i++;
        continue;
      }
      const trail = bytes[i + 1] ?? -1;
      let length = 2;
      if (trail >= 0 && isCode(lead, trail)) {
        const java = special.get((lead << 8) | trail);
        if (java === undefined) {
          i += 2;
          continue;
        }
        text += run(bytes, start, i) + java;
      } else {
        text += run(bytes, start, i) + REPLACEMENT;
        if (trail < 0x80 || !isLead(lead) || isLead(trail)) length = 1;
      }
      i += length;
      start = i;
    }
    return text + run(bytes, start, bytes.length);
  };
}

/** Builds Java's GBK and GB2312 encoders and decoders on a loaded iconv-lite. */
export function createJavaCharsets(iconv: Iconv): { encoders: JavaEncoders; decoders: JavaDecoders } {
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

  // Decoding inverts the corrections: Java's code → its character (€ at A2E3 iconv-lite reads already).
  const gbkSpecial = new Map<number, string>();
  for (const [char, bytes] of fixes) {
    if (bytes.length === 2) gbkSpecial.set((bytes[0]! << 8) | bytes[1]!, char);
  }
  const gb2312Special = new Map([...gbkSpecial].filter(([code]) => isGb2312Cell(code >> 8, code & 0xff)));
  for (const [char, standIn] of Object.entries(GB2312_SWAPS)) {
    const bytes = gbk(standIn);
    if (bytes.length === 2) gb2312Special.set((bytes[0]! << 8) | bytes[1]!, char); // A1A4 ・, A1AA ―
  }

  return {
    encoders: { gbk, gb2312 },
    decoders: {
      gbk: javaDecoder(iconv, { isCode: isGbkCode, isLead: isGbkLead, special: gbkSpecial }),
      gb2312: javaDecoder(iconv, { isCode: isGb2312Cell, isLead: isGb2312Lead, special: gb2312Special }),
    },
  };
}
