import { describe, expect, it } from 'vitest';
import { formatRfc2253 } from '../src/cert/formatRfc2253.js';
import { readRoot } from '../src/der/readDer.js';
import {
  type Ava,
  BMP,
  codeUnits,
  GENERAL,
  IA5,
  NUMERIC,
  nameDer,
  PRINTABLE,
  T61,
  UNIVERSAL,
  UTF8,
  VISIBLE,
} from './helpers/makeName.js';

const format = (der: Uint8Array): string => formatRfc2253(der, readRoot(der));

// Every expected string below is what OpenJDK 17.0.15's X500Principal.getName() printed for the
// same DER (as a certificate's issuer, via CertificateFactory), i.e. what the gateway's Java hashes
// into a certificate SN. Each Name is C=CN (PrintableString) followed by the RDNs given.
const C_CN: Ava = ['C', PRINTABLE, 'CN'];

describe('formatRfc2253 matches Java getName(): string types', () => {
  it.each<[string, Ava, string]>([
    ['UTF8String is text', ['CN', UTF8, '支付宝 ü 😀'], 'CN=支付宝 ü 😀,C=CN'],
    ['PrintableString is text, not validated', ['CN', PRINTABLE, 'a@b'], 'CN=a@b,C=CN'],
    ['IA5String is text', ['CN', IA5, 'Test CA'], 'CN=Test CA,C=CN'],
    ['GeneralString (0x1b) is text', ['CN', GENERAL, 'Test CA'], 'CN=Test CA,C=CN'],
    ['T61String is decoded as UTF-8, not Latin-1', ['CN', T61, 'cé'], 'CN=cé,C=CN'],
    [
      'T61String: a Latin-1 byte is bad UTF-8, so U+FFFD',
      ['CN', T61, Uint8Array.of(0x63, 0xe9)],
      'CN=c\ufffd,C=CN',
    ],
    [
      'BMPString is decoded as UTF-8 too (Java reads its bytes, not UTF-16): 00 54 → \\00T',
      ['CN', BMP, codeUnits('Test', 2)],
      'CN=\\00T\\00e\\00s\\00t,C=CN',
    ],
    ['BMPString 中 (4e 2d) reads as "N-"', ['CN', BMP, codeUnits('中', 2)], 'CN=N-,C=CN'],
    [
      'NumericString (0x12) is not a Java text type: #hex of its DER',
      ['O', NUMERIC, '12345'],
      'O=#12053132333435,C=CN',
    ],
    [
      'VisibleString (0x1a) is not a Java text type: #hex of its DER',
      ['CN', VISIBLE, 'Test CA'],
      'CN=#1a0754657374204341,C=CN',
    ],
    [
      'UniversalString (0x1c) is not a Java text type: #hex of its DER, not UTF-32 text',
      ['CN', UNIVERSAL, codeUnits('Test CA', 4)],
      'CN=#1c1c00000054000000650000007300000074000000200000004300000041,C=CN',
    ],
    ['a non-string value is #hex', ['CN', 0x02, Uint8Array.of(1)], 'CN=#020101,C=CN'],
    [
      'a constructed string (0x2c) is #hex',
      ['CN', 0x2c, Uint8Array.of(0x0c, 0x01, 0x78)],
      'CN=#2c030c0178,C=CN',
    ],
  ])('%s', (_, ava, java) => {
    expect(format(nameDer(C_CN, ava))).toBe(java);
  });
});

describe('formatRfc2253 matches Java getName(): UTF-8 decoding', () => {
  it.each<[string, Uint8Array, string]>([
    ['a UTF-8 BOM is kept', Uint8Array.of(0xef, 0xbb, 0xbf, 0x41), 'CN=\ufeffA,C=CN'],
    [
      'malformed bytes become U+FFFD',
      Uint8Array.of(0xc3, 0x41, 0xff, 0xe4, 0xb8),
      'CN=\ufffdA\ufffd\ufffd,C=CN',
    ],
    [
      'an encoded surrogate (ED A0..BF, with or without its last byte) is ONE U+FFFD',
      Uint8Array.of(0xed, 0xa0, 0x80, 0x41, 0xed, 0xbf, 0x41),
      'CN=\ufffdA\ufffdA,C=CN',
    ],
  ])('%s', (_, bytes, java) => {
    expect(format(nameDer(C_CN, ['CN', UTF8, bytes]))).toBe(java);
  });
});

describe('formatRfc2253 matches Java getName(): escaping', () => {
  it.each<[string, string, string]>([
    ['= is escaped', 'a=b', 'CN=a\\=b,C=CN'],
    ['# is escaped anywhere, not only first', 'CA #1', 'CN=CA \\#1,C=CN'],
    ['a leading #', '#1 CA', 'CN=\\#1 CA,C=CN'],
    [',+"\\<>; are escaped', 'A, "B" + <C>; D\\', 'CN=A\\, \\"B\\" \\+ \\<C\\>\\; D\\\\,C=CN'],
    ['every leading space is escaped, not only the first', '  x', 'CN=\\ \\ x,C=CN'],
    ['every trailing space is escaped, not only the last', 'x  ', 'CN=x\\ \\ ,C=CN'],
    ['a value of only spaces: each escaped once', '   ', 'CN=\\ \\ \\ ,C=CN'],
    ['leading/trailing CR count as spaces; inner ones are kept', '\r a\rb \r', 'CN=\\\r\\ a\rb\\ \\\r,C=CN'],
    ['a space next to an escaped character', ' ,', 'CN=\\ \\,,C=CN'],
    ['U+0000 is \\00', 'a\0b', 'CN=a\\00b,C=CN'],
    ['tab, LF, NBSP and U+3000 are not escaped', '\ty\n\u00a0\u3000', 'CN=\ty\n\u00a0\u3000,C=CN'],
    ['an empty value', '', 'CN=,C=CN'],
  ])('%s', (_, value, java) => {
    expect(format(nameDer(C_CN, ['CN', UTF8, value]))).toBe(java);
  });
});

describe('formatRfc2253 matches Java getName(): attribute types and RDNs', () => {
  it.each<[string, (Ava | Ava[])[], string]>([
    [
      'a multi-valued RDN keeps its encoded order (no sorting), joined with +',
      [
        [
          ['CN', UTF8, 'Zed'],
          ['O', UTF8, 'A+B'],
          ['SERIALNUMBER', PRINTABLE, '42'],
        ],
      ],
      'CN=Zed+O=A\\+B+2.5.4.5=#13023432,C=CN',
    ],
    [
      'emailAddress has no RFC 2253 keyword in Java: OID and #hex, even for IA5String',
      [
        ['EMAIL', IA5, 'a@b.c'],
        ['CN', UTF8, 'Test CA'],
      ],
      'CN=Test CA,1.2.840.113549.1.9.1=#16056140622e63,C=CN',
    ],
    [
      'organizationIdentifier (2.5.4.97) has no keyword: OID and #hex',
      [['2.5.4.97', UTF8, 'NTRCN-1']],
      '2.5.4.97=#0c074e5452434e2d31,C=CN',
    ],
    ['an OID with a large second arc', [['2.999.1', UTF8, 'x']], '2.999.1=#0c0178,C=CN'],
    [
      'DC and UID are Java keywords',
      [
        ['DC', IA5, 'com'],
        ['DC', IA5, 'example'],
        ['UID', UTF8, 'u,1'],
      ],
      'UID=u\\,1,DC=example,DC=com,C=CN',
    ],
    [
      'ST, L, STREET, OU are Java keywords',
      [
        ['ST', UTF8, 'Zhejiang'],
        ['L', UTF8, 'Hangzhou'],
        ['STREET', UTF8, '1 Road'],
        ['OU', UTF8, 'Unit'],
      ],
      'OU=Unit,STREET=1 Road,L=Hangzhou,ST=Zhejiang,C=CN',
    ],
  ])('%s', (_, rdns, java) => {
    expect(format(nameDer(C_CN, ...rdns))).toBe(java);
  });

  // Java prints "" for new X500Principal(empty Name); its CertificateFactory refuses such an issuer.
  it('an empty Name is the empty string', () => {
    expect(format(nameDer())).toBe('');
  });

  it('#hex is of the value re-encoded as DER: Java accepts a long-form length (81 05) and prints 05', () => {
    // SEQUENCE { SET { SEQUENCE { OID 2.5.4.5, PrintableString (length 81 05) "12345" } } }
    const der = Uint8Array.of(
      ...[0x30, 0x11, 0x31, 0x0f, 0x30, 0x0d, 0x06, 0x03, 0x55, 0x04, 0x05, 0x13, 0x81, 0x05],
      ...[0x31, 0x32, 0x33, 0x34, 0x35],
    );
    expect(format(der)).toBe('2.5.4.5=#13053132333435');
  });
});
