import { hostname } from 'node:os';
import pg from 'pg';
import { abortableDelay } from './abortableDelay';
import type { CampaignHeader, Claim, Journal, JournalEntry, Outcome } from './journal';
import { JournalError } from './journalError';
import { describePgUrl, ensureSchema, LOCK_CLASS, workerAlive } from './pgSchema';
import type { RateLimiter } from './rateLimiter';
import { assertSameCampaign } from './readJournal';

export interface PgJournalOptions {
  /** Connections for claims and records (default 10): about the run's concurrency. */
  readonly poolSize?: number;
}

const ENROLL_BATCH = 1000;

/**
 * Claims one recipient in one statement. The row is locked `FOR UPDATE SKIP LOCKED` (a row another
 * worker is claiming this instant is skipped: busy), then taken if it was never sent, failed retryably
 * (or for good, with retryFailed), or was attempted by a worker that is no longer alive (takeover: it is
 * resent with the same out_biz_no). `before` is its state before the claim.
 */
const CLAIM = `
WITH cur AS (
  SELECT r.out_biz_no, r.outcome, r.owner FROM voucher_campaign_recipient r
  WHERE r.campaign = $1 AND r.out_biz_no = $2
  FOR UPDATE SKIP LOCKED
), taken AS (
  UPDATE voucher_campaign_recipient r
  SET outcome = '{"status":"attempted"}'::jsonb, owner = $3, claims = r.claims + 1, updated_at = now()
  FROM cur
  WHERE r.campaign = $1 AND r.out_biz_no = cur.out_biz_no AND CASE
    WHEN cur.outcome IS NULL THEN true
    WHEN cur.outcome->>'status' = 'failed' THEN (cur.outcome->>'retryable')::boolean OR $4::boolean
    -- CASE, so that pg_locks (costly) is read only for a recipient another worker attempted.
    WHEN cur.outcome->>'status' = 'attempted' THEN cur.owner IS NULL OR cur.owner = $3
      OR NOT ${workerAlive('cur.owner')}
    ELSE false END
  RETURNING cur.outcome AS before
)
SELECT EXISTS (SELECT 1 FROM taken) AS claimed, (SELECT before FROM taken) AS before,
       EXISTS (SELECT 1 FROM cur) AS seen, (SELECT outcome FROM cur) AS current`;

/** A later answer never overwrites an issued voucher (a slow worker's stale failure, say). */
const RECORD = `
INSERT INTO voucher_campaign_recipient AS r (campaign, out_biz_no, outcome, owner)
VALUES ($1, $2, $3, $4)
ON CONFLICT (campaign, out_biz_no) DO UPDATE
SET outcome = EXCLUDED.outcome, owner = EXCLUDED.owner, updated_at = now()
WHERE r.outcome IS NULL OR r.outcome->>'status' <> 'issued' OR EXCLUDED.outcome->>'status' = 'issued'`;

/**
 * A journal in PostgreSQL, shared by any number of workers on any hosts running the same campaign.
 * Each worker registers itself and holds a session-level advisory lock on its id for as long as it
 * runs; a recipient is claimed by one worker at a time (see `CLAIM`), and the claims of a worker whose
 * session is gone (killed, crashed, host lost) are taken over by the others and resent with the same
 * out_biz_no. Every write is a committed statement, so `record` resolves once it is durable.
 *
 * If the worker loses its session (so others may take over its claims), or a statement fails, the
 * journal fails: that call and every later one reject with a JournalError and the run must stop.
 */
export class PgJournal implements Journal {
  readonly location: string;
  readonly shared = true;
  private readonly outcomes: Map<string, Outcome>;
  private failed: JournalError | undefined;
  private closing = false;

  private constructor(
    location: string,
    private readonly header: CampaignHeader,
    private readonly session: pg.Client,
    private readonly pool: pg.Pool,
    /** This worker's id in `voucher_campaign_worker`. */
    readonly workerId: number,
    outcomes: Map<string, Outcome>,
  ) {
    this.location = location;
    this.outcomes = outcomes;
    const lost = (error?: Error) => {
      if (this.closing) return;
      this.fail(
        new Error(
          `lost the worker's database session${error ? ` (${error.message})` : ''}; other workers may take over its claims`,
        ),
      );
    };
    session.on('error', lost);
    session.on('end', () => lost());
    // An idle pooled connection that breaks is replaced on next use; pg requires a listener.
    pool.on('error', () => {});
  }

  /**
   * Connects, creates the tables if missing, checks the campaign is the one the database holds under
   * this name, registers this worker and loads what was recorded. Throws a JournalError (naming the
   * database without its password) if it cannot connect or the campaign differs.
   */
  static async open(url: string, header: CampaignHeader, options: PgJournalOptions = {}): Promise<PgJournal> {
    const location = describePgUrl(url);
    const session = new pg.Client({ connectionString: url });
    let pool: pg.Pool | undefined;
    try {
      await session.connect();
      // A worker whose host vanishes keeps its session (and its claims) until TCP notices: make it soon.
      await session.query(
        "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3; SET application_name = 'voucher-campaign'",
      );
      await ensureSchema(session);
      await checkCampaign(session, location, header, true);
      const { rows } = await session.query<{ id: number }>(
        'INSERT INTO voucher_campaign_worker (campaign, host, pid) VALUES ($1, $2, $3) RETURNING id',
        [header.campaign, hostname(), process.pid],
      );
      const workerId = (rows[0] as { id: number }).id;
      await session.query('SELECT pg_advisory_lock($1::int, $2::int)', [LOCK_CLASS, workerId]);
      await session.query(
        'INSERT INTO voucher_campaign_rate (campaign, next_at) VALUES ($1, now()) ON CONFLICT DO NOTHING',
        [header.campaign],
      );
      const outcomes = await loadOutcomes(session, header.campaign);
      pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
      return new PgJournal(location, header, session, pool, workerId, outcomes);
    } catch (error) {
      await pool?.end().catch(() => {});
      await session.end().catch(() => {});
      throw asJournalError(location, 'cannot open journal', error);
    }
  }

  get entries(): ReadonlyMap<string, Outcome> {
    return this.outcomes;
  }

  /** One transaction (in batches), so that `status` never counts half a list. */
  async enroll(outBizNos: readonly string[]): Promise<void> {
    if (this.failed) throw this.failed;
    const client = await this.pool.connect().catch((error: unknown) => {
      throw this.fail(error);
    });
    // Sorted: workers enrolling the same rows at once then lock them in the same order (no deadlock).
    const keys = [...outBizNos].sort();
    try {
      await client.query('BEGIN');
      for (let i = 0; i < keys.length; i += ENROLL_BATCH) {
        await client.query(
          `INSERT INTO voucher_campaign_recipient (campaign, out_biz_no)
           SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
          [this.header.campaign, keys.slice(i, i + ENROLL_BATCH)],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw this.fail(error);
    } finally {
      client.release();
    }
  }

  async claim(out_biz_no: string, options: { readonly retryFailed?: boolean } = {}): Promise<Claim> {
    for (;;) {
      const { rows } = await this.query<{
        claimed: boolean;
        before: Outcome | null;
        seen: boolean;
        current: Outcome | null;
      }>(CLAIM, [this.header.campaign, out_biz_no, this.workerId, options.retryFailed ?? false]);
      const row = rows[0];
      if (!row) throw this.fail(new Error('the claim statement returned no row'));
      if (row.claimed) {
        this.outcomes.set(out_biz_no, { status: 'attempted' });
        return { kind: 'claimed', ...(row.before ? { before: row.before } : {}) };
      }
      if (row.seen) {
        const current = row.current;
        if (current && current.status !== 'attempted') {
          this.outcomes.set(out_biz_no, current);
          return { kind: 'done', outcome: current };
        }
        return { kind: 'busy' }; // attempted by a live worker
      }
      // Not seen: locked by another worker's claim this instant, or never enrolled (enrol it, try again).
      const inserted = await this.query(
        'INSERT INTO voucher_campaign_recipient (campaign, out_biz_no) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [this.header.campaign, out_biz_no],
      );
      if (inserted.rowCount === 0) return { kind: 'busy' };
    }
  }

  async record(entry: JournalEntry): Promise<void> {
    await this.query(RECORD, [this.header.campaign, entry.out_biz_no, entry.outcome, this.workerId]);
    const known = this.outcomes.get(entry.out_biz_no);
    if (known?.status !== 'issued' || entry.outcome.status === 'issued') {
      this.outcomes.set(entry.out_biz_no, entry.outcome);
    }
  }

  /**
   * Paces every worker of this campaign together at `perSecond`: each call reserves the next free slot
   * of the campaign's row in `voucher_campaign_rate` (one `UPDATE … RETURNING`, slots `1/perSecond`
   * apart on the database's clock, so the workers' clocks do not matter) and waits for it.
   */
  rateLimiter(perSecond: number): RateLimiter {
    const seconds = 1 / perSecond;
    return {
      acquire: async (signal?: AbortSignal) => {
        signal?.throwIfAborted();
        const { rows } = await this.query<{ wait_ms: number }>(
          `UPDATE voucher_campaign_rate SET next_at = GREATEST(next_at, clock_timestamp()) + make_interval(secs => $2)
           WHERE campaign = $1
           RETURNING (EXTRACT(EPOCH FROM (next_at - clock_timestamp())) - $2) * 1000 AS wait_ms`,
          [this.header.campaign, seconds],
        );
        const wait = Number(rows[0]?.wait_ms ?? 0);
        if (wait > 0) await abortableDelay(wait, signal);
      },
    };
  }

  /** Marks the worker stopped, closes the pool, and ends the session (which releases its lock). */
  async close(): Promise<void> {
    if (this.closing) {
      if (this.failed) throw this.failed;
      return;
    }
    this.closing = true;
    let error: unknown;
    try {
      if (!this.failed) {
        await this.session.query('UPDATE voucher_campaign_worker SET stopped_at = now() WHERE id = $1', [
          this.workerId,
        ]);
      }
    } catch (e) {
      error = e;
    }
    await this.pool.end().catch((e: unknown) => {
      error ??= e;
    });
    await this.session.end().catch((e: unknown) => {
      error ??= e;
    });
    if (this.failed) throw this.failed;
    if (error) throw this.fail(error);
  }

  private async query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    if (this.failed) throw this.failed;
    if (this.closing) throw new JournalError(`journal ${this.location} is closed`);
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw this.fail(error);
    }
  }

  private fail(error: unknown): JournalError {
    this.failed ??= asJournalError(this.location, 'cannot write', error, ': the run must stop');
    return this.failed;
  }
}

/**
 * Reads what a campaign recorded without registering a worker or creating anything (a dry run).
 * An empty map if the database has no such campaign yet.
 */
export async function readPgJournal(url: string, header: CampaignHeader): Promise<Map<string, Outcome>> {
  const location = describePgUrl(url);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const exists = await client.query("SELECT to_regclass('voucher_campaign') IS NOT NULL AS ok");
    if (!exists.rows[0]?.ok) return new Map();
    if (!(await checkCampaign(client, location, header, false))) return new Map();
    return await loadOutcomes(client, header.campaign);
  } catch (error) {
    throw asJournalError(location, 'cannot read journal', error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Checks the stored campaign of this name against `header` (storing it first if `create`). */
async function checkCampaign(
  client: pg.ClientBase,
  location: string,
  header: CampaignHeader,
  create: boolean,
): Promise<boolean> {
  const wanted = {
    campaign: header.campaign,
    template_id: header.template_id,
    ...(header.amount === undefined ? {} : { amount: header.amount }),
    ...(header.memo === undefined ? {} : { memo: header.memo }),
  };
  if (create) {
    await client.query(
      'INSERT INTO voucher_campaign (campaign, header) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [header.campaign, wanted],
    );
  }
  const { rows } = await client.query<{ header: CampaignHeader }>(
    'SELECT header FROM voucher_campaign WHERE campaign = $1',
    [header.campaign],
  );
  const found = rows[0]?.header;
  if (!found) return false;
  assertSameCampaign(`${location} (campaign ${JSON.stringify(header.campaign)})`, found, wanted);
  return true;
}

async function loadOutcomes(client: pg.ClientBase, campaign: string): Promise<Map<string, Outcome>> {
  const { rows } = await client.query<{ out_biz_no: string; outcome: Outcome }>(
    'SELECT out_biz_no, outcome FROM voucher_campaign_recipient WHERE campaign = $1 AND outcome IS NOT NULL',
    [campaign],
  );
  return new Map(rows.map((r) => [r.out_biz_no, r.outcome]));
}

function asJournalError(location: string, what: string, error: unknown, tail = ''): JournalError {
  if (error instanceof JournalError) return error;
  const reason = error instanceof Error ? error.message || error.name : String(error);
  return new JournalError(`journal ${location}: ${what} (${reason})${tail}`, { cause: error });
}
