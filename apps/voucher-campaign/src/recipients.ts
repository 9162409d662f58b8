import { readFile } from 'node:fs/promises';
import { BIZ_CONTENT_FIELDS, IDENTITY_FIELDS } from '@aopkit/types';
import { parse } from 'csv-parse/sync';
import { decodeRecipients, type Encoding } from './recipientsEncoding';
import { RecipientsFileError } from './recipientsFileError';

export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** The identity Alipay will use for a row: the highest-priority field the row gives. */
export interface Identity {
  readonly field: IdentityField;
  readonly value: string;
}

export interface Recipient {
  /** 1-based line number in the CSV file, for messages and the results file. */
  readonly line: number;
  readonly identity: Identity;
  /** Lower-priority identities the row also gives (not sent; they name the row in messages). */
  readonly others?: readonly Identity[];
}

export interface SkippedRow {
  readonly line: number;
  readonly reason: string;
}

export interface RecipientList {
  readonly recipients: Recipient[];
  readonly skipped: SkippedRow[];
  /** The header's column names (lower-cased, trimmed); absent when the file is empty. */
  readonly header?: readonly string[];
}

/** Reads a recipients CSV whose header names one or more of user_id, login_id, taobao_nick. */
export async function loadRecipients(path: string, encoding?: Encoding): Promise<RecipientList> {
  return parseRecipients(decodeRecipients(await readFile(path), encoding));
}

/** Unicode whitespace and invisible format characters Excel and copy-paste leave around values. */
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/gu;
/** Control characters (newlines, tabs, NUL …) and line/paragraph separators: never part of an identity. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** What Alipay user ids look like: 2088 and twelve more digits. */
const USER_ID = /^2088\d{12}$/;

/**
 * Parses and validates recipient rows. Invalid rows are reported with their (first) line number and never
 * sent; a second row for the same identity is skipped too (it would be the same voucher). Throws
 * {@link RecipientsFileError} when the header names no identity column (whether or not rows follow), names
 * a column the app does not know or twice, or the CSV is malformed (at the line where the problem starts).
 */
export function parseRecipients(text: string): RecipientList {
  // One line-break convention, so csv-parse counts lines right (it counts a quoted CRLF as two lines).
  const normalized = text.replace(/\r\n?/g, '\n');
  let rows: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    rows = parse(normalized, {
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
    }) as unknown as typeof rows;
  } catch (error) {
    throw malformed(normalized, error);
  }
  const [first, ...body] = rows;
  if (!first) return { recipients: [], skipped: [] };
  const header = first.record.map((h) => h.replace(EDGE_SPACE, '').toLowerCase());
  checkHeader(header);

  const recipients: Recipient[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  for (const { record: values, info, raw } of body) {
    // info.lines is the record's last line; a quoted field can span lines, and raw starts with the
    // empty lines skipped before the record.
    const lines = raw.replace(/^\n+/, '').replace(/\n$/, '');
    const line = info.lines - (lines.match(/\n/g)?.length ?? 0);
    // Nameless columns (the trailing commas Excel leaves) must stay empty: a value there was meant for something.
    const stray = values.findIndex((v, i) => v.replace(EDGE_SPACE, '') !== '' && !header[i]);
    if (stray !== -1) {
      skipped.push({
        line,
        reason:
          stray >= header.length
            ? `${values.length} values, but the header names ${header.length} columns (an unquoted comma in a value?)`
            : `a value in column ${stray + 1}, which has no name in the header`,
      });
      continue;
    }
    const record: Record<string, string | undefined> = {};
    header.forEach((name, i) => {
      if (name) record[name] = values[i];
    });
    const result = identityOf(record);
    if (typeof result === 'string') {
      skipped.push({ line, reason: result });
      continue;
    }
    const key = `${result.field}:${result.value}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      skipped.push({ line, reason: `duplicate of line ${earlier} (${key})` });
      continue;
    }
    seen.set(key, line);
    const others = IDENTITY_FIELDS.filter((f) => f !== result.field)
      .map((field) => ({ field, value: record[field]?.replace(EDGE_SPACE, '') ?? '' }))
      .filter((o) => o.value !== '' && !CONTROL.test(o.value));
    recipients.push({ line, identity: result, ...(others.length > 0 ? { others } : {}) });
  }
  return { recipients, skipped, header };
}

/**
 * The header names identity columns only (and nameless ones, as Excel leaves). An unknown column is an
 * error, not a warning: it is either a misspelt identity (\`loginid\`: its rows would be skipped, or sent
 * by another identity) or a per-row setting the user expects to apply (\`memo\`, \`amount\`: the app sends
 * one memo and amount per campaign). Either way the run would send something other than what the file
 * says, and a warning scrolls by; removing or renaming the column takes a moment.
 */
function checkHeader(header: readonly string[]): void {
  if (!IDENTITY_FIELDS.some((f) => header.includes(f))) {
    throw new RecipientsFileError(
      `the recipients header must name at least one of ${IDENTITY_FIELDS.join(', ')} ` +
        `(found: ${header.map((h) => JSON.stringify(h)).join(', ') || 'nothing'})`,
    );
  }
  const known: readonly string[] = IDENTITY_FIELDS;
  const unknown = header.filter((h) => h !== '' && !known.includes(h));
  if (unknown.length > 0) {
    const hints = unknown.flatMap((u) => {
      const near = IDENTITY_FIELDS.find((f) => squash(f) === squash(u));
      return near ? [`"${u}" looks like ${near}`] : [];
    });
    throw new RecipientsFileError(
      `the recipients header has ${unknown.length === 1 ? 'a column' : 'columns'} the app does not know: ` +
        `${unknown.map((u) => JSON.stringify(u)).join(', ')}${hints.length > 0 ? ` (${hints.join('; ')})` : ''}. ` +
        `The known columns are ${IDENTITY_FIELDS.join(', ')}; amount and memo are set per campaign ` +
        '(--amount, --memo). Rename or remove the column',
    );
  }
  const twice = header.find((h, i) => h !== '' && header.indexOf(h) !== i);
  if (twice) throw new RecipientsFileError(`the recipients header names ${twice} twice`);
}

function squash(name: string): string {
  return name.replace(/[^a-z]/g, '');
}

/**
 * csv-parse's error, at the line where the problem starts: it reports a quote never closed at the end of
 * the file (the quote swallowed every line after it), so find where that quote opened.
 */
function malformed(text: string, error: unknown): RecipientsFileError {
  const e = error as { code?: string; lines?: number; message?: string };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    const line = unclosedQuoteLine(text);
    return new RecipientsFileError(
      `line ${line}: a quoted value opens here and is never closed (a stray " in a value? ` +
        'double it as "" inside quotes, or remove it)',
    );
  }
  const reason = (e.message ?? String(error)).replace(/^[^:]*:\s*/, '').replace(/ at line \d+.*$/, '');
  return new RecipientsFileError(`line ${e.lines ?? '?'}: malformed CSV: ${reason}`);
}

/** The line where the last quoted field, the one still open at the end of the text, opened. */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let openedAt = 0;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') quoted = false;
      else if (c === '\n') line++;
      continue;
    }
    if (c === '\n') {
      line++;
      fieldStart = true;
    } else if (c === ',') fieldStart = true;
    else if (c === '"' && fieldStart) {
      quoted = true;
      openedAt = line;
    } else if (c !== ' ' && c !== '\t') fieldStart = false;
  }
  return openedAt || line;
}

/** The row's identity, or why the row is invalid. Limits come from the spec, through @aopkit/types. */
function identityOf(record: Record<string, string | undefined>): Identity | string {
  for (const field of IDENTITY_FIELDS) {
    const value = record[field]?.replace(EDGE_SPACE, '');
    if (!value) continue;
    if (CONTROL.test(value)) {
      return `${field} ${JSON.stringify(value)} contains a control character (a line break, tab or the like)`;
    }
    if (value.includes('\uFFFD')) {
      // A character an earlier conversion could not map: the name as written is lost, never guess it.
      return `${field} ${JSON.stringify(value)} contains U+FFFD (\uFFFD), a character lost when the file was converted between encodings; fix it at the source`;
    }
    const rule: { maxLength?: number; pattern?: string } = BIZ_CONTENT_FIELDS[field];
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      return `${field} is ${value.length} characters, longer than ${rule.maxLength}`;
    }
    if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value)) {
      return `${field} "${value}" does not match ${rule.pattern}`;
    }
    if (field === 'user_id' && !USER_ID.test(value)) {
      const excel = /^\d+(\.\d*)?(e\+?\d+)?$/i.test(value) && /[.eE]/.test(value);
      return (
        `user_id "${value}" is not an Alipay user id (2088 followed by 12 digits)` +
        (excel ? '; a spreadsheet turned it into a number: format the column as text and export again' : '')
      );
    }
    return { field, value };
  }
  return `no ${IDENTITY_FIELDS.join(' / ')} given`;
}
