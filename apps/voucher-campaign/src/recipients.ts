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
}

export interface SkippedRow {
  readonly line: number;
  readonly reason: string;
}

export interface RecipientList {
  readonly recipients: Recipient[];
  readonly skipped: SkippedRow[];
}

/** Reads a recipients CSV whose header names one or more of user_id, login_id, taobao_nick. */
export async function loadRecipients(path: string): Promise<RecipientList> {
  return parseRecipients(await readFile(path, 'utf8'));
}

/**
 * Parses and validates recipient rows. Invalid rows are reported with their line number and never sent;
 * a second row for the same identity is skipped too (it would be the same voucher).
 */
export function parseRecipients(text: string): RecipientList {
  const rows = parse(text, {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    bom: true,
    info: true,
    relax_column_count: true,
  }) as { record: Record<string, string | undefined>; info: { lines: number } }[];

  const first = rows[0]?.record;
  if (first && !IDENTITY_FIELDS.some((f) => f in first)) {
    throw new Error(`the recipients header must name at least one of ${IDENTITY_FIELDS.join(', ')}`);
  }

  const recipients: Recipient[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
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
    recipients.push({ line, identity: result });
  }
  return { recipients, skipped };
}

/** The row's identity, or why the row is invalid. Limits come from the spec, through @aopkit/types. */
function identityOf(record: Record<string, string | undefined>): Identity | string {
  for (const field of IDENTITY_FIELDS) {
    const value = record[field];
    if (!value) continue;
    const rule: { maxLength?: number; pattern?: string } = BIZ_CONTENT_FIELDS[field];
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      return `${field} is ${value.length} characters, longer than ${rule.maxLength}`;
    }
    if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value)) {
      return `${field} "${value}" does not match ${rule.pattern}`;
    }
    return { field, value };
  }
  return `no ${IDENTITY_FIELDS.join(' / ')} given`;
}
