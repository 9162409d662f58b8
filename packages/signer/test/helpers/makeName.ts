import { encodeNode } from '../../src/der/writeDer.js';

/** DER string tags used in Names. */
export const UTF8 = 0x0c;
export const NUMERIC = 0x12;
export const PRINTABLE = 0x13;
export const T61 = 0x14;
export const IA5 = 0x16;
export const VISIBLE = 0x1a;
export const GENERAL = 0x1b;
export const UNIVERSAL = 0x1c;
export const BMP = 0x1e;

const TYPES: Record<string, string> = {
  CN: '2.5.4.3',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  STREET: '2.5.4.9',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  SERIALNUMBER: '2.5.4.5',
  EMAIL: '1.2.840.113549.1.9.1',
  DC: '0.9.2342.19200300.100.1.25',
  UID: '0.9.2342.19200300.100.1.1',
};

/** One AttributeTypeAndValue: type (keyword above or dotted OID), value tag, value (text is UTF-8). */
export type Ava = [type: string, tag: number, value: string | Uint8Array];

function oidDer(dotted: string): Uint8Array {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out: number[] = [];
  for (const arc of [a * 40 + b, ...rest]) {
    const base128 = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) base128.unshift((n & 0x7f) | 0x80);
    out.push(...base128);
  }
  return encodeNode(0x06, Uint8Array.from(out));
}

const avaDer = ([type, tag, value]: Ava): Uint8Array =>
  encodeNode(
    0x30,
    oidDer(TYPES[type] ?? type),
    encodeNode(tag, typeof value === 'string' ? new TextEncoder().encode(value) : value),
  );

/**
 * A DER Name from RDNs in ASN.1 order (the reverse of RFC 2253 order); an RDN given as an array of
 * AVAs is multi-valued, kept in the given order (unsorted).
 */
export const nameDer = (...rdns: (Ava | Ava[])[]): Uint8Array =>
  encodeNode(
    0x30,
    ...rdns.map((rdn) =>
      encodeNode(0x31, ...(typeof rdn[0] === 'string' ? [avaDer(rdn as Ava)] : (rdn as Ava[]).map(avaDer))),
    ),
  );

/** Big-endian bytes of `text` as UTF-16 (BMPString) or UTF-32 (UniversalString) code units. */
export function codeUnits(text: string, width: 2 | 4): Uint8Array {
  const units =
    width === 2 ? Array.from(text, (_, i) => text.charCodeAt(i)) : Array.from(text, (c) => c.codePointAt(0)!);
  return Uint8Array.from(
    units.flatMap((u) =>
      width === 2 ? [u >> 8, u & 0xff] : [u >>> 24, (u >> 16) & 0xff, (u >> 8) & 0xff, u & 0xff],
    ),
  );
}

/**
 * PEM of a certificate-shaped DER with this issuer (and subject) and serial: enough for SN
 * computation (and for Java's CertificateFactory), but with a dummy key and signature; serial < 128.
 */
export function certWithIssuer(issuer: Uint8Array, serial: number): string {
  const sha256WithRsa = encodeNode(0x30, oidDer('1.2.840.113549.1.1.11'), Uint8Array.of(0x05, 0x00));
  const time = (s: string) => encodeNode(0x17, new TextEncoder().encode(s));
  const tbs = encodeNode(
    0x30,
    encodeNode(0xa0, Uint8Array.of(0x02, 0x01, 0x02)),
    encodeNode(0x02, Uint8Array.of(serial)),
    sha256WithRsa,
    issuer,
    encodeNode(0x30, time('240101000000Z'), time('340101000000Z')),
    issuer,
    encodeNode(0x30, encodeNode(0x30, oidDer('1.2.3.4')), encodeNode(0x03, Uint8Array.of(0))),
  );
  const der = encodeNode(0x30, tbs, sha256WithRsa, encodeNode(0x03, Uint8Array.of(0)));
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
