import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ConfigError } from './configError';
import { type CampaignHeader, JournalError, readJournal } from './journal';
import type { Io } from './main';
import { describePgUrl, isPgUrl, workerAlive } from './pgSchema';

export const STATUS_HELP = `voucher-campaign status — a campaign's progress, read from its journal

Usage:
  voucher-campaign status --journal <postgres://…|file> [--campaign <name>] [--json]

Reads the journal only (no recipients file, no credentials), so it runs from any host while workers
send. --journal defaults to $VOUCHER_CAMPAIGN_JOURNAL. --campaign is needed when the database holds
more than one campaign.`;

/** A campaign's progress as its journal tells it. */
export interface CampaignStatus {
  readonly campaign: string;
  readonly template_id: string;
  readonly journal: string;
  /** Recipients the workers enrolled (a file journal knows only those it recorded: null). */
  readonly recipients: number | null;
  readonly issued: number;
  /** Failed for good (a rerun with --retry-failed resends them). */
  readonly failed: number;
  readonly failed_by_sub_code: Record<string, number>;
  /** Retryable failures, and attempts whose worker is gone: a worker resends them (same out_biz_no). */
  readonly to_resend: number;
  /** Claimed by a running worker right now. */
  readonly in_flight: number;
  /** Enrolled, never sent. */
  readonly not_sent: number | null;
  /** Sends started (claims), resends included. */
  readonly sends: number | null;
  readonly workers: readonly { readonly host: string; readonly pid: number; readonly started_at: string }[];
  /** Every enrolled recipient issued or failed for good (null: a file journal cannot tell). */
  readonly finished: boolean | null;
}

/** `voucher-campaign status …`: prints the campaign's progress; resolves to the exit code. */
export async function status(argv: readonly string[], io: Io): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse([...argv]).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  if (values.help) {
    io.stdout.write(`${STATUS_HELP}\n`);
    return 0;
  }
  const location = values.journal ?? io.env.VOUCHER_CAMPAIGN_JOURNAL;
  if (!location) throw new ConfigError('status needs --journal (or VOUCHER_CAMPAIGN_JOURNAL)');
  let result: CampaignStatus;
  try {
    result = isPgUrl(location)
      ? await pgStatus(location, values.campaign)
      : fileStatus(location, values.campaign);
  } catch (error) {
    if (error instanceof JournalError) throw new ConfigError(error.message);
    throw error;
  }
  io.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${formatStatus(result)}\n`);
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      journal: { type: 'string' },
      campaign: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Reads the shared journal in one snapshot (one statement per figure would race the workers). */
export async function pgStatus(url: string, campaign: string | undefined): Promise<CampaignStatus> {
  const location = describePgUrl(url);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect().catch((error: Error) => {
      throw new JournalError(`journal ${location}: cannot connect (${error.message || error.name})`);
    });
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const exists = await client.query("SELECT to_regclass('voucher_campaign') IS NOT NULL AS ok");
    const names = exists.rows[0]?.ok
      ? (
          await client.query<{ campaign: string }>('SELECT campaign FROM voucher_campaign ORDER BY campaign')
        ).rows.map((r) => r.campaign)
      : [];
    const name = campaign ?? (names.length === 1 ? names[0] : undefined);
    if (name === undefined || !names.includes(name)) {
      const known = names.length
        ? `it holds ${names.map((n) => JSON.stringify(n)).join(', ')}`
        : 'it holds none';
      throw new JournalError(
        campaign === undefined
          ? `journal ${location}: name the campaign with --campaign (${known})`
          : `journal ${location} has no campaign ${JSON.stringify(campaign)} (${known})`,
      );
    }
    const header = (
      await client.query<{ header: CampaignHeader }>(
        'SELECT header FROM voucher_campaign WHERE campaign = $1',
        [name],
      )
    ).rows[0]?.header as CampaignHeader;
    const counts = (
      await client.query(
        `SELECT count(*)::int AS recipients,
           count(*) FILTER (WHERE outcome IS NULL)::int AS not_sent,
           count(*) FILTER (WHERE outcome->>'status' = 'issued')::int AS issued,
           count(*) FILTER (WHERE outcome->>'status' = 'failed' AND NOT (outcome->>'retryable')::boolean)::int AS failed,
           count(*) FILTER (WHERE outcome->>'status' = 'failed' AND (outcome->>'retryable')::boolean)::int AS retryable,
           count(*) FILTER (WHERE outcome->>'status' = 'attempted' AND ${workerAlive('owner')})::int AS in_flight,
           count(*) FILTER (WHERE outcome->>'status' = 'attempted' AND NOT ${workerAlive('owner')})::int AS orphaned,
           coalesce(sum(claims), 0)::int AS sends
         FROM voucher_campaign_recipient WHERE campaign = $1`,
        [name],
      )
    ).rows[0];
    const byCode = await client.query<{ code: string; n: number }>(
      `SELECT coalesce(outcome->>'sub_code', outcome->>'code', outcome->>'error') AS code, count(*)::int AS n
       FROM voucher_campaign_recipient
       WHERE campaign = $1 AND outcome->>'status' = 'failed' AND NOT (outcome->>'retryable')::boolean
       GROUP BY 1 ORDER BY 1`,
      [name],
    );
    const workers = await client.query<{ host: string; pid: number; started_at: Date }>(
      `SELECT host, pid, started_at FROM voucher_campaign_worker w
       WHERE campaign = $1 AND stopped_at IS NULL AND ${workerAlive('w.id')} ORDER BY id`,
      [name],
    );
    await client.query('COMMIT');
    return {
      campaign: name,
      template_id: header.template_id,
      journal: location,
      recipients: counts.recipients,
      issued: counts.issued,
      failed: counts.failed,
      failed_by_sub_code: Object.fromEntries(byCode.rows.map((r) => [r.code, r.n])),
      to_resend: counts.retryable + counts.orphaned,
      in_flight: counts.in_flight,
      not_sent: counts.not_sent,
      sends: counts.sends,
      workers: workers.rows.map((w) => ({
        host: w.host,
        pid: w.pid,
        started_at: w.started_at.toISOString(),
      })),
      finished: counts.recipients > 0 && counts.issued + counts.failed === counts.recipients,
    };
  } catch (error) {
    if (error instanceof JournalError) throw error;
    throw new JournalError(`journal ${location}: cannot read (${(error as Error).message})`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => {});
  }
}

/** A file journal: what it recorded (it does not know the recipients it has not reached yet). */
function fileStatus(path: string, campaign: string | undefined): CampaignStatus {
  if (!existsSync(path)) throw new JournalError(`journal ${path} does not exist`);
  const { outcomes, header } = readJournal(path, undefined);
  if (!header) throw new JournalError(`journal ${path} holds no campaign yet`);
  if (campaign !== undefined && campaign !== header.campaign) {
    throw new JournalError(
      `journal ${path} is campaign ${JSON.stringify(header.campaign)}, not ${JSON.stringify(campaign)}`,
    );
  }
  const counts = { issued: 0, failed: 0, to_resend: 0 };
  const failed_by_sub_code: Record<string, number> = {};
  for (const outcome of outcomes.values()) {
    if (outcome.status === 'issued') counts.issued++;
    else if (outcome.status === 'failed' && !outcome.retryable) {
      counts.failed++;
      const code = outcome.sub_code ?? outcome.code ?? outcome.error;
      failed_by_sub_code[code] = (failed_by_sub_code[code] ?? 0) + 1;
    } else counts.to_resend++; // attempted (in flight, or left by a run that stopped) or retryable
  }
  return {
    campaign: header.campaign,
    template_id: header.template_id,
    journal: path,
    recipients: null,
    ...counts,
    failed_by_sub_code,
    in_flight: 0,
    not_sent: null,
    sends: null,
    workers: [],
    finished: null,
  };
}

/** The status as a small table for people. */
export function formatStatus(s: CampaignStatus): string {
  const pct = (n: number) => (s.recipients ? `  (${((n / s.recipients) * 100).toFixed(1)}%)` : '');
  const rows: [string, string | number][] = [
    ['campaign', s.campaign],
    ['template_id', s.template_id],
    ['journal', s.journal],
    ['recipients', s.recipients ?? 'unknown (a file journal records only those reached)'],
    ['issued', `${s.issued}${pct(s.issued)}`],
    ['failed', s.failed],
  ];
  for (const [code, n] of Object.entries(s.failed_by_sub_code)) rows.push([`  ${code}`, n]);
  rows.push(['to resend (retryable, or its worker is gone)', s.to_resend]);
  if (s.recipients !== null) {
    rows.push(['in flight (claimed by a running worker)', s.in_flight]);
    rows.push(['not sent yet', s.not_sent ?? 0]);
    rows.push(['sends started (resends included)', s.sends ?? 0]);
    rows.push(['workers running', s.workers.length]);
  }
  rows.push(['finished', s.finished === null ? 'unknown' : s.finished ? 'yes' : 'no']);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  for (const w of s.workers) lines.push(`  worker ${w.host} pid ${w.pid}, since ${w.started_at}`);
  return lines.join('\n');
}
