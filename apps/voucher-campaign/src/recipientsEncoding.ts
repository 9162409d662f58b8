import { RecipientsFileError } from './recipientsFileError';

/** The encodings a recipients file may be in: Excel on a Chinese Windows saves CSV as GBK (GB18030). */
export const ENCODINGS = ['utf-8', 'gbk', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes the file's bytes, strictly: a byte sequence that is not valid in the encoding is an error
 * naming the encoding and the line, never a U+FFFD in a name that would then be sent. Without
 * `encoding`, a UTF-8 BOM or else UTF-8 is assumed; a file that is not UTF-8 but reads as GBK says so.
 * GBK is read with the GB18030 decoder, its superset (every GBK file decodes the same).
 */
export function decodeRecipients(bytes: Uint8Array, encoding?: Encoding): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new RecipientsFileError(
      'the file is UTF-16 (Excel\'s "Unicode Text"): save it as "CSV UTF-8" (or CSV, then pass --encoding gbk)',
    );
  }
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  if (bom && encoding !== undefined && encoding !== 'utf-8') {
    throw new RecipientsFileError(
      `the file starts with a UTF-8 byte order mark, but --encoding ${encoding} was given: ` +
        'it is UTF-8; drop --encoding (or pass --encoding utf-8)',
    );
  }
  const chosen = bom ? 'utf-8' : (encoding ?? 'utf-8');
  const body = bom ? bytes.subarray(3) : bytes;
  const text = strictDecode(chosen, body);
  if (text !== undefined) {
    if (chosen !== 'utf-8' && !isAscii(body) && strictDecode('utf-8', body) !== undefined) {
      // Chinese text in GBK is practically never valid UTF-8; the other way round it often "decodes",
      // into other characters (锟斤拷 and the like), and a taobao_nick would name someone else.
      throw new RecipientsFileError(
        `the file is valid UTF-8, not ${chosen.toUpperCase()}: reading it as ${chosen.toUpperCase()} ` +
          'would garble its non-ASCII names; drop --encoding (or pass --encoding utf-8)',
      );
    }
    return text;
  }
  const line = firstInvalidLine(chosen, body);
  const hint =
    chosen === 'utf-8' && strictDecode('gb18030', body) !== undefined
      ? '; this looks like GBK (as Excel saves CSV on a Chinese Windows): pass --encoding gbk'
      : chosen === 'utf-8'
        ? '; pass --encoding gbk or gb18030 if it is not UTF-8'
        : '; check the file, or pass the encoding it was saved in (utf-8, gbk, gb18030)';
  throw new RecipientsFileError(`line ${line} is not valid ${chosen.toUpperCase()}${hint}`);
}

function strictDecode(encoding: Encoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return false;
  return true;
}

/** The 1-based line holding the first invalid byte (0x0A is never part of a multi-byte character). */
function firstInvalidLine(encoding: Encoding, bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (strictDecode(encoding, bytes.subarray(start, i)) === undefined) return line;
    line++;
    start = i + 1;
  }
  return line;
}
