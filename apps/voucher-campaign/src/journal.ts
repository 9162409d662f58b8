/** What a campaign is: a journal written for one campaign refuses to resume another. */
export interface CampaignHeader {
  readonly campaign: string;
  readonly template_id: string;
  readonly amount?: string;
  readonly memo?: string;
}

/** One recipient's state: `attempted` is written before a send, the others once the outcome is known. */
export type Outcome =
  | { readonly status: 'attempted' }
  | { readonly status: 'issued'; readonly voucher_id: string; readonly user_id: string }
  | {
      readonly status: 'failed';
      readonly retryable: boolean;
      readonly error: string;
      readonly code?: string;
      readonly sub_code?: string;
      readonly message: string;
    };

export interface JournalEntry {
  readonly out_biz_no: string;
  readonly outcome: Outcome;
}

/**
 * What `claim` found:
 * - `claimed`: `attempted` is recorded (durably) and this run may send; `before` is the state recorded
 *   before, if any (an earlier, unconfirmed attempt makes the send a replay).
 * - `done`: nothing to send: the recipient is issued, or failed for good (and failed ones are not being
 *   retried); recorded by an earlier run or, with a shared journal, by another worker since this run began.
 * - `busy`: another live worker holds it right now (shared journal only): ask again later.
 */
export type Claim =
  | { readonly kind: 'claimed'; readonly before?: Outcome }
  | { readonly kind: 'done'; readonly outcome: Outcome }
  | { readonly kind: 'busy' };

/**
 * Where a campaign records each recipient's state, so that a rerun (or another worker) never sends a
 * confirmed voucher again and resends an unconfirmed one with the same out_biz_no. Two implementations:
 * `FileJournal` (a JSON-lines file, one run at a time: the embedded default) and `PgJournal` (a
 * PostgreSQL database shared by any number of workers).
 *
 * `claim`, `record` and `enroll` reject with a `JournalError` once the journal cannot be written; the
 * run must then stop sending.
 */
export interface Journal {
  /** Where it is, for messages: the file's path, or the database URL without its password. */
  readonly location: string;
  /** Other workers may claim from it at the same time (a file journal is one run's at a time). */
  readonly shared: boolean;
  /** The latest state of each out_biz_no known to this run: what was recorded when it opened, and since. */
  readonly entries: ReadonlyMap<string, Outcome>;
  /** Names the campaign's recipients before sending, so that progress can be told from the journal. */
  enroll(outBizNos: readonly string[]): Promise<void>;
  /** Takes one recipient for sending: see `Claim`. `retryFailed` also takes those that failed for good. */
  claim(out_biz_no: string, options?: { readonly retryFailed?: boolean }): Promise<Claim>;
  /** Records a state; resolves once it is durable. */
  record(entry: JournalEntry): Promise<void>;
  /** Waits for pending writes and lets go of the journal (its lock, its connections). */
  close(): Promise<void>;
}

export { FileJournal } from './fileJournal';
export { JournalError } from './journalError';
export { readJournal } from './readJournal';
