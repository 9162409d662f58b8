import { decodeUtf8 } from '../charset/createDecoder.js';
import { childrenOf, contentOf, DerError, type DerNode, oidOf, SEQUENCE } from '../der/readDer.js';
import { encodeNode } from '../der/writeDer.js';

// Everything below mirrors OpenJDK's X500Principal.getName() (AVA.toRFC2253String), which the
// gateway uses to compute certificate SNs; checked against OpenJDK 17, not against RFC 2253.

// The keywords Java prints in RFC 2253 form; other types print as dotted OIDs.
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

// UTF8String, PrintableString, T61String, IA5String, GeneralString, BMPString: the tags Java
// prints as text, all read as UTF-8 (yes, BMPString and T61String too) with Java's own UTF-8 reading
// (a leading BOM kept, one U+FFFD per encoded surrogate). Any other tag (NumericString,
// VisibleString, UniversalString, ...) prints as #hex.
const TEXT_TAGS = new Set([0x0c, 0x13, 0x14, 0x16, 0x1b, 0x1e]);
// Java backslash-escapes each of ,=+<>#;"\ wherever it is, and each leading or trailing space or
// CR (every one, not just the first/last); U+0000 becomes \00.
const escapeValue = (value: string): string =>
  value.replace(/[,=+<>#;"\\]|(?<=^[ \r]*)[ \r]|[ \r](?=[ \r]*$)/g, '\\$&').replace(/\0/g, '\\00');

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function formatAttribute(der: Uint8Array, attribute: DerNode): string {
  const [type, value] = childrenOf(der, attribute);
  if (!type || !value) throw new DerError('bad AttributeTypeAndValue');
  const oid = oidOf(der, type);
  const keyword = KEYWORDS[oid];
  const content = contentOf(der, value);
  // Types without a keyword, and non-text values, print as #hex of the value re-encoded as DER
  // (Java accepts a long-form length such as 81 05 and prints the short form).
  return keyword && TEXT_TAGS.has(value.tag)
    ? `${keyword}=${escapeValue(decodeUtf8(content))}`
    : `${keyword ?? oid}=#${hex(encodeNode(value.tag, content))}`;
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
