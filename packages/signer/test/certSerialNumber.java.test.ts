import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certSerialNumber } from '../src/index.js';
import {
  type Ava,
  BMP,
  certWithIssuer,
  codeUnits,
  GENERAL,
  IA5,
  NUMERIC,
  nameDer,
  PRINTABLE,
  UNIVERSAL,
  UTF8,
  VISIBLE,
} from './helpers/makeName.js';

// Known answers from OpenJDK 17.0.15: for each certificate (issuer C=CN then the RDNs given,
// serial 7), X509Certificate.getIssuerX500Principal().getName() and MD5(that + "7") in hex,
// printed by Java's CertificateFactory on the very DER certWithIssuer builds.
describe('certificate SNs agree with Java on unusual issuer names', () => {
  it.each<[string, (Ava | Ava[])[], string, string]>([
    ['= in a value', [['CN', UTF8, 'a=b']], 'CN=a\\=b,C=CN', 'c86aeb2ad0fe87f94a10d222ff94be9e'],
    ['# in the middle', [['CN', UTF8, 'CA #1']], 'CN=CA \\#1,C=CN', '62e84d9beebe7ac957a2310ba3a465f2'],
    ['two leading spaces', [['CN', UTF8, '  x']], 'CN=\\ \\ x,C=CN', '596adee4fabafeb4d43700d645d92037'],
    ['two trailing spaces', [['CN', UTF8, 'x  ']], 'CN=x\\ \\ ,C=CN', '156e6926cef864b42e38633d55408f1a'],
    [
      'NumericString O',
      [['O', NUMERIC, '12345']],
      'O=#12053132333435,C=CN',
      'aeaa5d9fa3add424f771c6f16ec7b07f',
    ],
    [
      'VisibleString CN',
      [['CN', VISIBLE, 'Test CA']],
      'CN=#1a0754657374204341,C=CN',
      'a6b734a80bac10209430561aeaf0bd91',
    ],
    ['GeneralString CN', [['CN', GENERAL, 'Test CA']], 'CN=Test CA,C=CN', '170e5deb3efca90c9028a75aae47c62a'],
    [
      'UniversalString CN',
      [['CN', UNIVERSAL, codeUnits('Test CA', 4)]],
      'CN=#1c1c00000054000000650000007300000074000000200000004300000041,C=CN',
      'a9e27227a1e4cd1603d9e0f7e30261d0',
    ],
    [
      'BMPString CN (read as UTF-8)',
      [['CN', BMP, codeUnits('Test', 2)]],
      'CN=\\00T\\00e\\00s\\00t,C=CN',
      'b7eb143d8407fc36b4fc42ade6b99f4a',
    ],
    [
      'multi-valued RDN with an OID-only type',
      [
        [
          ['CN', UTF8, 'Zed'],
          ['O', UTF8, 'A+B'],
          ['SERIALNUMBER', PRINTABLE, '42'],
        ],
      ],
      'CN=Zed+O=A\\+B+2.5.4.5=#13023432,C=CN',
      '3c7f978d791ba34a1d871d99a711d8ad',
    ],
    [
      'emailAddress',
      [
        ['EMAIL', IA5, 'a@b.c'],
        ['CN', UTF8, 'Test CA'],
      ],
      'CN=Test CA,1.2.840.113549.1.9.1=#16056140622e63,C=CN',
      '82b4d82f013d3080a49dcd57d04a2478',
    ],
    [
      'non-ASCII UTF8String',
      [['CN', UTF8, '支付宝 ü 😀']],
      'CN=支付宝 ü 😀,C=CN',
      'f00f078c69239bcaf495f99d2c3b0f14',
    ],
    [
      'malformed UTF-8',
      [['CN', UTF8, Uint8Array.of(0xc3, 0x41, 0xff, 0xe4, 0xb8)]],
      'CN=\ufffdA\ufffd\ufffd,C=CN',
      'f8c673b7fcf748db07b7052de875ea7b',
    ],
  ])('%s', (_, rdns, javaDn, javaSn) => {
    const pem = certWithIssuer(nameDer(['C', PRINTABLE, 'CN'], ...rdns), 7);
    expect(createHash('md5').update(`${javaDn}7`).digest('hex')).toBe(javaSn);
    expect(certSerialNumber(pem)).toBe(javaSn);
  });
});
