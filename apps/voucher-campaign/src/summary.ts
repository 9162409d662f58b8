import type { SkippedRow } from './recipients';
import type { CampaignRun, DuplicatePerson, RecipientResult } from './runCampaign';

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
  /** People who got a second voucher of this campaign in this run (listed under two identities). */
  readonly duplicate_persons: number;
  readonly duplicates: readonly DuplicatePerson[];
  readonly interrupted: boolean;
  /** The answer that stopped the campaign (every recipient would have got it), when one did. */
  readonly stopped_by: NonNullable<CampaignRun['stoppedBy']> | null;
  /** Why the journal stopped the run, when it did. */
  readonly journal_error: string | null;
  readonly duration_ms: number;
  readonly ok: boolean;
}

/**
 * Counts the results. `ok` is false when any recipient failed, any row was skipped, anyone got a second
 * voucher, the journal failed, or the run stopped early.
 */
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
  extra: {
    duplicates?: readonly DuplicatePerson[];
    journalError?: Error | undefined;
    stoppedBy?: CampaignRun['stoppedBy'];
  } = {},
): Summary {
  const count = (status: RecipientResult['status']) => results.filter((r) => r.status === status).length;
  const failed_by_sub_code: Record<string, number> = {};
  for (const r of results) {
    if (r.status !== 'failed') continue;
    const key = r.sub_code ?? r.code ?? 'unknown';
    failed_by_sub_code[key] = (failed_by_sub_code[key] ?? 0) + 1;
  }
  const failed = count('failed');
  const not_reached = count('not-reached') + Math.max(head.recipients - results.length, 0);
  const duplicates = extra.duplicates ?? [];
  const journal_error = extra.journalError?.message ?? null;
  return {
    campaign: head.campaign,
    template_id: head.template_id,
    recipients: head.recipients,
    issued: count('issued'),
    replayed: count('replayed'),
    already_issued: count('already-issued'),
    would_send: count('would-send'),
    failed,
    failed_by_sub_code,
    skipped_rows: skipped,
    not_reached,
    duplicate_persons: duplicates.length,
    duplicates,
    interrupted: head.interrupted,
    stopped_by: extra.stoppedBy ?? null,
    journal_error,
    duration_ms: head.duration_ms,
    ok:
      failed === 0 &&
      skipped.length === 0 &&
      not_reached === 0 &&
      duplicates.length === 0 &&
      journal_error === null &&
      extra.stoppedBy === undefined,
  };
}

/** One line about a duplicate person, for the warning and the summary. */
export function describeDuplicate(d: DuplicatePerson): string {
  const earlier =
    d.earlier.line === undefined
      ? `a row of an earlier run`
      : `line ${d.earlier.line} (${d.earlier.identity?.field} ${d.earlier.identity?.value})`;
  return (
    `DUPLICATE PERSON: user_id ${d.user_id} got two vouchers of this campaign: ` +
    `${earlier}, out_biz_no ${d.earlier.out_biz_no}, voucher ${d.earlier.voucher_id}; and ` +
    `line ${d.line} (${d.identity.field} ${d.identity.value}), out_biz_no ${d.out_biz_no}, voucher ${d.voucher_id}`
  );
}

/** The summary as a small text table for people. */
export function formatSummary(s: Summary): string {
  const rows: [string, string | number][] = [
    ['campaign', s.campaign],
    ['template_id', s.template_id],
    ['recipients', s.recipients],
    ['issued now', s.issued],
    // Resent after an earlier run's unconfirmed attempt: Alipay's answer cannot tell then from now.
    ['replayed (issued then or now)', s.replayed],
    ['found already issued (not sent)', s.already_issued],
    ['hold their voucher (total)', s.issued + s.replayed + s.already_issued],
  ];
  if (s.would_send > 0) rows.push(['would send (dry run)', s.would_send]);
  rows.push(['failed', s.failed]);
  for (const [subCode, n] of Object.entries(s.failed_by_sub_code).sort()) rows.push([`  ${subCode}`, n]);
  rows.push(['skipped rows', s.skipped_rows.length]);
  if (s.duplicate_persons > 0) rows.push(['DUPLICATE PERSONS (two vouchers)', s.duplicate_persons]);
  if (s.not_reached > 0) {
    rows.push([
      s.stopped_by
        ? 'not reached (campaign stopped)'
        : s.journal_error
          ? 'not reached (journal failed)'
          : 'not reached (interrupted)',
      s.not_reached,
    ]);
  }
  rows.push(['time', `${(s.duration_ms / 1000).toFixed(1)} s`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  for (const row of s.skipped_rows) lines.push(`skipped line ${row.line}: ${row.reason}`);
  for (const d of s.duplicates) lines.push(describeDuplicate(d));
  if (s.stopped_by) lines.push(describeStop(s.stopped_by));
  return lines.join('\n');
}

/** Why the campaign stopped, and what to do. */
export function describeStop(stop: NonNullable<CampaignRun['stoppedBy']>): string {
  const what = [stop.code, stop.sub_code].filter(Boolean).join(' ') || stop.error;
  return (
    `CAMPAIGN STOPPED at line ${stop.line}: the gateway answered ${what} (${stop.message}), an answer every ` +
    'recipient would get, so nothing more was sent. Fix the campaign (template, amount, memo, app or keys) ' +
    'and run the same command again: the recipients not reached, and this one, are sent then.'
  );
}
