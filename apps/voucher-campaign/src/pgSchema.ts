import type pg from 'pg';

/**
 * The advisory-lock class of voucher-campaign (any constant; it keeps our locks apart from other apps'
 * in `pg_locks`). Key 0 serialises schema creation; a worker holds `(LOCK_CLASS, its id)` for as long
 * as its session lives: that lock held is what "the worker is alive" means.
 */
export const LOCK_CLASS = 0x76_63_61_6d; // "vcam"

/**
 * The tables. `voucher_campaign_recipient.outcome` holds the same states as a file journal's lines
 * (null until first claimed); `owner` is the worker that claimed it last.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS voucher_campaign (
  campaign   text PRIMARY KEY,
  header     jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS voucher_campaign_worker (
  id         serial PRIMARY KEY,
  campaign   text NOT NULL REFERENCES voucher_campaign ON DELETE CASCADE,
  host       text NOT NULL,
  pid        integer NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  stopped_at timestamptz
);
CREATE TABLE IF NOT EXISTS voucher_campaign_recipient (
  campaign   text NOT NULL REFERENCES voucher_campaign ON DELETE CASCADE,
  out_biz_no text NOT NULL,
  outcome    jsonb,
  owner      integer,
  claims     integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign, out_biz_no)
);
CREATE TABLE IF NOT EXISTS voucher_campaign_rate (
  campaign text PRIMARY KEY REFERENCES voucher_campaign ON DELETE CASCADE,
  next_at  timestamptz NOT NULL
);
`;

/** Creates the tables if they are missing; workers starting together take turns (advisory lock). */
export async function ensureSchema(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_CLASS]);
    await client.query(SCHEMA);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * SQL for "worker `<column>` is alive": its session still holds its advisory lock. A worker killed
 * (SIGKILL, OOM, its pod deleted) loses its session, so the lock goes with it; a host that vanishes
 * is noticed by TCP keepalives (set short on the worker's session).
 */
export function workerAlive(column: string): string {
  return `EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND l.classid = ${LOCK_CLASS}::oid AND l.objid = ${column}::oid AND l.objsubid = 2)`;
}

/** A postgres URL for messages and logs: no password, no query (which may hold one). */
export function describePgUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${u.username}@` : '';
    return `${u.protocol}//${user}${u.host}${u.pathname}`;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** Whether `--journal` names a database rather than a file. */
export function isPgUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
