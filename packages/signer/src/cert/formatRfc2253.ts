import { childrenOf, contentOf, DerError, type DerNode, oidOf, SEQUENCE } from '../der/readDer.js';

// The keywords Java's X500Principal.getName() (RFC 2253 form) prints; other types print as OIDs.
const KEYWORDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

const STRING_TAGS = new Set([0x0c, 0x12, 0x13, 0x14, 0x16, 0x1a, 0x1e, 0x1c]);
const utf8 = new TextDecoder('utf-8', { fatal: true });

// Code units of the fixed-width big-endian string types: T61String read as Latin-1 (as Java does),
// BMPString as UTF-16BE, UniversalString as UTF-32BE. Every other string type is UTF-8.
const UNIT_BYTES = new Map([
  [0x14, 1],
  [0x1e, 2],
  [0x1c, 4],
]);

function decodeString(tag: number, bytes: Uint8Array): string {
  const width = UNIT_BYTES.get(tag);
  if (!width) return utf8.decode(bytes);
  let s = '';
  for (let i = 0; i + width <= bytes.length; i += width) {
    let unit = 0;
    for (let j = i; j < i + width; j++) unit = unit * 256 + bytes[j]!;
    s += String.fromCodePoint(unit);
  }
  return s;
}

/** RFC 2253 §2.4 escaping of an attribute value. */
function escapeValue(value: string): string {
  let out = value.replace(/[,+"\\<>;]/g, (c) => `\\${c}`);
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && !out.endsWith('\\ ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function formatAttribute(der: Uint8Array, attribute: DerNode): string {
  const [type, value] = childrenOf(der, attribute);
  if (!type || !value) throw new DerError('bad AttributeTypeAndValue');
  const oid = oidOf(der, type);
  const keyword = KEYWORDS[oid];
  if (keyword && STRING_TAGS.has(value.tag))
    return `${keyword}=${escapeValue(decodeString(value.tag, contentOf(der, value)))}`;
  // Unknown types (and non-string values) print as OID=#hex of the value's DER, as RFC 2253 says.
  return `${keyword ?? oid}=#${hex(der.subarray(value.start, value.end))}`;
}

/**
 * Formats a DER Name the way Java's `X500Principal.getName()` does (RFC 2253): RDNs in reverse
 * order of the certificate's encoding, joined with `,`; multi-valued RDNs joined with `+`.
 */
export function formatRfc2253(der: Uint8Array, name: DerNode): string {
  if (name.tag !== SEQUENCE) throw new DerError('a Name must be a SEQUENCE');
  return childrenOf(der, name)
    .reverse()
    .map((rdn) =>
      childrenOf(der, rdn)
        .map((attribute) => formatAttribute(der, attribute))
        .join('+'),
    )
    .join(',');
}
