import { describe, expect, it } from 'vitest';
import { formatRfc2253 } from '../src/cert/formatRfc2253.js';
import { readRoot } from '../src/der/readDer.js';
import { encodeNode } from '../src/der/writeDer.js';

const COMMON_NAME = Uint8Array.of(0x06, 0x03, 0x55, 0x04, 0x03); // OID 2.5.4.3 (CN)

/** A Name with one RDN: CN as a string of DER type `tag` holding `content`. */
function nameOf(tag: number, ...content: number[]): Uint8Array {
  const value = encodeNode(tag, Uint8Array.from(content));
  return encodeNode(0x30, encodeNode(0x31, encodeNode(0x30, COMMON_NAME, value)));
}

describe('formatRfc2253 string types', () => {
  it.each([
    ['UTF8String', nameOf(0x0c, 0xe4, 0xb8, 0xad, 0x41), 'CN=中A'],
    ['PrintableString', nameOf(0x13, 0x41, 0x2c, 0x42), 'CN=A\\,B'],
    ['T61String, read as Latin-1', nameOf(0x14, 0x63, 0xe9), 'CN=cé'],
    [
      'BMPString (UTF-16BE), surrogate pairs included',
      nameOf(0x1e, 0x4e, 0x2d, 0xd8, 0x3d, 0xde, 0x00),
      'CN=中😀',
    ],
    ['UniversalString (UTF-32BE)', nameOf(0x1c, 0x00, 0x00, 0x4e, 0x2d, 0x00, 0x01, 0xf6, 0x00), 'CN=中😀'],
  ])('%s', (_name, der, want) => {
    expect(formatRfc2253(der, readRoot(der))).toBe(want);
  });
});
