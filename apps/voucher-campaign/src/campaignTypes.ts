import type { createAlipayClient } from '@aopkit/client';
import type { Journal, Outcome } from './journal';
import type { RateLimiter } from './rateLimiter';
import type { Identity } from './recipients';
import type { CampaignStop, SendSettings } from './sendOne';

export type Client = ReturnType<typeof createAlipayClient>;

export interface CampaignSettings extends SendSettings {
  /** Names the campaign; with the template and the recipient it fixes each out_biz_no. */
  readonly campaign: string;
  readonly template_id: string;
  readonly amount?: string;
  readonly memo?: string;
  readonly concurrency: number;
  /** Sends per second at most. */
  readonly rate?: number;
  /** Resend recipients whose earlier failure was final (e.g. after fixing a user's status). */
  readonly retryFailed?: boolean;
}

/**
 * - `issued`: sent in this run for the first time, and issued.
 * - `replayed`: an earlier run sent it but died before recording the answer; resent with the same
 *   out_biz_no, so Alipay answered with the voucher it had already issued, if it had.
 * - `already-issued`: the journal had it confirmed, or the row names by user_id a person who already
 *   holds a voucher of this campaign under another identity; not sent again.
 * - `failed`: the gateway or the network said no, after the client's retries.
 * - `would-send`: a dry run's verdict.
 * - `not-reached`: the run stopped (Ctrl-C, SIGTERM, journal failure) before sending it.
 */
export type RecipientStatus =
  | 'issued'
  | 'replayed'
  | 'already-issued'
  | 'failed'
  | 'would-send'
  | 'not-reached';

export interface RecipientResult {
  readonly line: number;
  readonly identity: Identity;
  readonly out_biz_no: string;
  readonly status: RecipientStatus;
  readonly voucher_id?: string;
  readonly code?: string;
  readonly sub_code?: string;
  readonly message?: string;
}

/**
 * One person who got a second voucher of this campaign: two rows named them by different identities
 * (say user_id and login_id) and were sent before the first answer named the user_id.
 */
export interface DuplicatePerson {
  readonly user_id: string;
  /** The row just issued. */
  readonly line: number;
  readonly identity: Identity;
  readonly out_biz_no: string;
  readonly voucher_id: string;
  /** The voucher the person already held; line and identity when that row is in this recipients file. */
  readonly earlier: {
    readonly out_biz_no: string;
    readonly voucher_id: string;
    readonly line?: number;
    readonly identity?: Identity;
  };
}

export interface CampaignRun {
  /** One per valid recipient, in file order. */
  readonly results: RecipientResult[];
  readonly duplicates: DuplicatePerson[];
  /** The journal could not be written any more; sending stopped. */
  readonly journalError?: Error;
  /** An answer every recipient would get (template expired, app not allowed …) stopped the campaign. */
  readonly stoppedBy?: CampaignStop & { readonly line: number };
}

export interface Progress {
  /** Recipients with a result, including those the journal had done before this run. */
  readonly done: number;
  readonly total: number;
  readonly issued: number;
  readonly failed: number;
  /** Sends this run finished (answered or given up): what a rate must count. */
  readonly sent: number;
}

export interface RunOptions {
  readonly client?: Client;
  readonly journal?: Journal;
  /** Previously recorded states (from the journal) when there is no writable journal, as in a dry run. */
  readonly recorded?: ReadonlyMap<string, Outcome>;
  readonly dryRun?: boolean;
  /** Stops new sends (and rate-limiter waits); sends in flight are never cancelled, so their answers get recorded. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
  /** Called as soon as a duplicate person is found. */
  readonly onDuplicate?: (duplicate: DuplicatePerson) => void;
  /** Paces the sends (default: a local limiter at `settings.rate`); a shared journal's paces all workers. */
  readonly limiter?: RateLimiter;
}

/** A recipient to send: `resent` when an earlier run recorded something for its out_biz_no. */
export interface Todo {
  readonly line: number;
  readonly identity: Identity;
  readonly out_biz_no: string;
  readonly resent: boolean;
  /** Not before this `performance.now()`: a recipient another worker held, asked for again later. */
  readonly notBefore?: number;
}

/** A recipient's row: its line and identity, and the out_biz_no they fix. */
export type Row = Pick<Todo, 'line' | 'identity' | 'out_biz_no'>;
