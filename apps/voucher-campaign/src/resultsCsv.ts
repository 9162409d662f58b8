import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { SkippedRow } from './recipients';
import type { RecipientResult } from './runCampaign';

const columns = [
  'line',
  'identity_field',
  'identity',
  'out_biz_no',
  'status',
  'voucher_id',
  'code',
  'sub_code',
  'message',
];

/** Writes one row per input line: every result and every skipped row, in file order. */
export async function writeResultsCsv(
  path: string,
  results: readonly RecipientResult[],
  skipped: readonly SkippedRow[],
): Promise<void> {
  const rows = [
    ...results.map((r) => ({
      line: r.line,
      identity_field: r.identity.field,
      identity: r.identity.value,
      out_biz_no: r.out_biz_no,
      status: r.status,
      voucher_id: r.voucher_id ?? '',
      code: r.code ?? '',
      sub_code: r.sub_code ?? '',
      message: r.message ?? '',
    })),
    ...skipped.map((s) => ({ line: s.line, status: 'skipped', message: s.reason })),
  ].sort((a, b) => a.line - b.line);
  await writeFile(path, stringify(rows, { header: true, columns }));
}
