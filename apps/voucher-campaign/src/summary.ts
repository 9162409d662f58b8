import type { SkippedRow } from './recipients';
import type { RecipientResult } from './runCampaign';

export interface Summary {
  readonly campaign: string;
  readonly template_id: string;
  readonly recipients: number;
  readonly issued: number;
  readonly replayed: number;
  readonly already_issued: number;
  readonly would_send: number;
  readonly failed: number;
  readonly failed_by_sub_code: Record<string, number>;
  readonly skipped_rows: readonly SkippedRow[];
  readonly not_reached: number;
  readonly interrupted: boolean;
  readonly duration_ms: number;
  readonly ok: boolean;
}

/** Counts the results. `ok` is false when any recipient failed, any row was skipped, or the run stopped early. */
export function summarize(
  head: {
    campaign: string;
    template_id: string;
    recipients: number;
    interrupted: boolean;
    duration_ms: number;
  },
  results: readonly RecipientResult[],
  skipped: readonly SkippedRow[],
): Summary {
  const count = (status: RecipientResult['status']) => results.filter((r) => r.status === status).length;
  const failed_by_sub_code: Record<string, number> = {};
  for (const r of results) {
    if (r.status !== 'failed') continue;
    const key = r.sub_code ?? r.code ?? 'unknown';
    failed_by_sub_code[key] = (failed_by_sub_code[key] ?? 0) + 1;
  }
  const failed = count('failed');
  const not_reached = head.recipients - results.length;
  return {
    ...head,
    issued: count('issued'),
    replayed: count('replayed'),
    already_issued: count('already-issued'),
    would_send: count('would-send'),
    failed,
    failed_by_sub_code,
    skipped_rows: skipped,
    not_reached,
    ok: failed === 0 && skipped.length === 0 && not_reached === 0 && !head.interrupted,
  };
}

/** The summary as a small text table for people. */
export function formatSummary(s: Summary): string {
  const rows: [string, string | number][] = [
    ['campaign', s.campaign],
    ['template_id', s.template_id],
    ['recipients', s.recipients],
    ['issued', s.issued],
    ['replayed (resent after an unconfirmed attempt)', s.replayed],
    ['already issued (from the journal)', s.already_issued],
  ];
  if (s.would_send > 0) rows.push(['would send (dry run)', s.would_send]);
  rows.push(['failed', s.failed]);
  for (const [subCode, n] of Object.entries(s.failed_by_sub_code).sort()) rows.push([`  ${subCode}`, n]);
  rows.push(['skipped rows', s.skipped_rows.length]);
  if (s.not_reached > 0) rows.push(['not reached (interrupted)', s.not_reached]);
  rows.push(['time', `${(s.duration_ms / 1000).toFixed(1)} s`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  for (const row of s.skipped_rows) lines.push(`skipped line ${row.line}: ${row.reason}`);
  return lines.join('\n');
}
