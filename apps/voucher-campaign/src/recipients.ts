import { readFile } from 'node:fs/promises';
import { BIZ_CONTENT_FIELDS, IDENTITY_FIELDS } from '@aopkit/types';
import { parse } from 'csv-parse/sync';

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
  /** The header's column names; absent when the file is empty. */
  readonly header?: readonly string[];
}

/** Reads a recipients CSV whose header names one or more of user_id, login_id, taobao_nick. */
export async function loadRecipients(path: string): Promise<RecipientList> {
  return parseRecipients(await readFile(path, 'utf8'));
}

/** Unicode whitespace and invisible format characters Excel and copy-paste leave around values. */
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/gu;
/** Control characters (newlines, tabs, NUL …) and line/paragraph separators: never part of an identity. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** What Alipay user ids look like: 2088 and twelve more digits. */
const USER_ID = /^2088\d{12}$/;

/**
 * Parses and validates recipient rows. Invalid rows are reported with their (first) line number and never
 * sent; a second row for the same identity is skipped too (it would be the same voucher). Throws when the
 * header names no identity column, whether or not rows follow.
 */
export function parseRecipients(text: string): RecipientList {
  let header: string[] | undefined;
  // One line-break convention, so csv-parse counts lines right (it counts a quoted CRLF as two lines).
  const rows = parse(text.replace(/\r\n?/g, '\n'), {
    columns: (names: string[]) => {
      header = names.map((h) => h.replace(EDGE_SPACE, '').toLowerCase());
      return header;
    },
    skip_empty_lines: true,
    trim: true,
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
  }) as { record: Record<string, string | undefined>; info: { lines: number }; raw: string }[];

  if (header && !IDENTITY_FIELDS.some((f) => header?.includes(f))) {
    throw new Error(
      `the recipients header must name at least one of ${IDENTITY_FIELDS.join(', ')} ` +
        `(found: ${header.map((h) => JSON.stringify(h)).join(', ') || 'nothing'})`,
    );
  }

  const recipients: Recipient[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info, raw } of rows) {
    // info.lines is the record's last line; a quoted field can span lines, and raw starts with the
    // empty lines skipped before the record.
    const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
    const line = info.lines - (body.match(/\n/g)?.length ?? 0);
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
  return { recipients, skipped, ...(header ? { header } : {}) };
}

/** The row's identity, or why the row is invalid. Limits come from the spec, through @aopkit/types. */
function identityOf(record: Record<string, string | undefined>): Identity | string {
  for (const field of IDENTITY_FIELDS) {
    const value = record[field]?.replace(EDGE_SPACE, '');
    if (!value) continue;
    if (CONTROL.test(value)) {
      return `${field} ${JSON.stringify(value)} contains a control character (a line break, tab or the like)`;
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
