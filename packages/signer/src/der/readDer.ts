/** One DER element: its tag, where its content starts and where the element ends (exclusive). */
export interface DerNode {
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

// The DER tags keys and certificates use (single constants, so bundlers inline the numbers).
export const INTEGER = 0x02;
export const BIT_STRING = 0x03;
export const OCTET_STRING = 0x04;
export const OID = 0x06;
export const SEQUENCE = 0x30;

/** Thrown on malformed DER; callers turn it into a key or certificate error. */
export class DerError extends Error {
  override name = 'DerError';
}

/** Reads the element at `offset`, which must end by `limit`. Definite lengths only (DER). */
export function readNode(buf: Uint8Array, offset: number, limit: number = buf.length): DerNode {
  if (offset + 2 > limit) throw new DerError('truncated DER element');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte DER tags are not supported');
  let length = buf[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported DER length');
    if (contentStart + count > limit) throw new DerError('truncated DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError('DER element overruns its container');
  return { tag, start: offset, contentStart, end };
}

/** The elements directly inside a constructed element (SEQUENCE, SET, [n]). */
export function childrenOf(buf: Uint8Array, node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let at = node.contentStart;
  while (at < node.end) {
    const child = readNode(buf, at, node.end);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** Reads a whole buffer as exactly one element (no trailing bytes). */
export function readRoot(buf: Uint8Array): DerNode {
  const root = readNode(buf, 0);
  if (root.end !== buf.length) throw new DerError('trailing bytes after DER element');
  return root;
}

/** The content bytes of an element. */
export function contentOf(buf: Uint8Array, node: DerNode): Uint8Array {
  return buf.subarray(node.contentStart, node.end);
}

/** Dotted form of an OBJECT IDENTIFIER element. */
export function oidOf(buf: Uint8Array, node: DerNode): string {
  if (node.tag !== OID) throw new DerError('expected an OBJECT IDENTIFIER');
  const bytes = contentOf(buf, node);
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (arcs.length === 0)
        arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}
