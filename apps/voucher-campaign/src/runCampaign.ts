import { setMaxListeners } from 'node:events';
import type { createAlipayClient } from '@aopkit/client';
import type { Claim, Journal, Outcome } from './journal';
import { outBizNo } from './outBizNo';
import { runPool } from './pool';
import { createRateLimiter, type RateLimiter } from './rateLimiter';
import type { Identity, RecipientList } from './recipients';
import { type CampaignStop, type SendSettings, sendOne } from './sendOne';

type Client = ReturnType<typeof createAlipayClient>;

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

/** How long a recipient another worker holds waits before it is asked for again. */
const BUSY_RETRY_MS = 200;

type Todo = { line: number; identity: Identity; out_biz_no: string; resent: boolean };

type Held = { readonly out_biz_no: string; readonly voucher_id: string };

/** Sends the campaign's vouchers; returns one result per valid recipient (`not-reached` if it stopped early). */
export async function runCampaign(
  list: RecipientList,
  settings: CampaignSettings,
  options: RunOptions,
): Promise<CampaignRun> {
  const recorded = options.journal?.entries ?? options.recorded ?? new Map<string, Outcome>();
  const results: RecipientResult[] = [];
  const duplicates: DuplicatePerson[] = [];
  const todo: Todo[] = [];

  // The rows of this file by out_biz_no, to name them in messages.
  // A row's other identities too: a campaign resumed with a file enriched with user_ids sent them earlier.
  const rowOf = new Map<string, { line: number; identity: Identity }>();
  for (const { line, others = [] } of list.recipients) {
    for (const id of others)
      rowOf.set(outBizNo(settings.campaign, settings.template_id, id), { line, identity: id });
  }
  for (const { line, identity } of list.recipients) {
    rowOf.set(outBizNo(settings.campaign, settings.template_id, identity), { line, identity });
  }
  // Who already holds a voucher of this campaign: user_id → the first voucher recorded for them.
  const holder = new Map<string, Held>();
  for (const [out_biz_no, outcome] of recorded) {
    if (outcome.status === 'issued' && !holder.has(outcome.user_id)) {
      holder.set(outcome.user_id, { out_biz_no, voucher_id: outcome.voucher_id });
    }
  }
  /** A row named by user_id whose person already holds a voucher under another out_biz_no. */
  const heldElsewhere = (identity: Identity, out_biz_no: string): Held | undefined => {
    if (identity.field !== 'user_id') return undefined;
    const held = holder.get(identity.value);
    return held && held.out_biz_no !== out_biz_no ? held : undefined;
  };
  /**
   * A row whose person already holds a voucher: skipped, unless the row's own out_biz_no went out in an
   * earlier run without a recorded answer (attempted, or a retryable failure such as a timeout). Then it
   * may hold a second voucher already, and a resend could issue one if the first never arrived: neither
   * skipped quietly nor resent, but a failure to check at Alipay.
   */
  const heldResult = (
    item: { line: number; identity: Identity; out_biz_no: string },
    held: Held,
  ): RecipientResult => {
    const holds = `user_id ${item.identity.value} already holds voucher ${held.voucher_id} of this campaign`;
    const where = `${describeRow(rowOf.get(held.out_biz_no))}, out_biz_no ${held.out_biz_no}`;
    const before = recorded.get(item.out_biz_no);
    if (before?.status !== 'attempted' && !(before?.status === 'failed' && before.retryable)) {
      const message = `${holds}, issued to ${where}; not sent again`;
      return { ...item, status: 'already-issued', voucher_id: held.voucher_id, message };
    }
    return {
      ...item,
      status: 'failed',
      sub_code: 'POSSIBLE_DUPLICATE_PERSON',
      message:
        `${holds} (${where}), and this row's earlier send (out_biz_no ${item.out_biz_no}) got no recorded ` +
        'answer: it may have issued a second voucher. Not resent (a resend would issue one if the first ' +
        'never arrived); check this out_biz_no at Alipay',
    };
  };

  for (const { line, identity } of list.recipients) {
    const out_biz_no = outBizNo(settings.campaign, settings.template_id, identity);
    const before = recorded.get(out_biz_no);
    const held = heldElsewhere(identity, out_biz_no);
    if (before?.status === 'issued') {
      results.push({ line, identity, out_biz_no, status: 'already-issued', voucher_id: before.voucher_id });
    } else if (held) {
      results.push(heldResult({ line, identity, out_biz_no }, held));
    } else if (before?.status === 'failed' && !before.retryable && !settings.retryFailed) {
      results.push({ line, identity, out_biz_no, status: 'failed', ...failureFields(before) });
    } else {
      todo.push({ line, identity, out_biz_no, resent: before !== undefined });
    }
  }

  const total = list.recipients.length;
  let issued = 0;
  let sent = 0;
  let failed = results.filter((r) => r.status === 'failed').length;
  const report = () => options.onProgress?.({ done: results.length, total, issued, failed, sent });
  report();

  if (options.dryRun || !options.client) {
    for (const item of todo) results.push({ ...without(item), status: 'would-send' });
    report();
    return { results: sortByLine(results), duplicates };
  }

  // Stops new sends on the caller's signal or when the journal fails; never reaches a send in flight.
  const stop = new AbortController();
  // Every send in flight may wait on it at once (a rate slot, a busy recipient): no leak, by design.
  setMaxListeners(settings.concurrency + 10, stop.signal);
  const onAbort = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let journalError: Error | undefined;
  const journalFailed = (error: unknown) => {
    journalError ??= error instanceof Error ? error : new Error(String(error));
    stop.abort(journalError);
  };

  const client = options.client;
  const limiter = options.limiter ?? createRateLimiter(settings.rate);
  const reached = new Set<string>();
  // The pool's queue: a recipient another worker holds goes back at its end, to be asked for again later.
  // With a shared journal each worker goes through the list in an order of its own, so that workers
  // rarely reach for the same recipient at once.
  const queue: (Todo & { notBefore?: number })[] = options.journal?.shared ? shuffled(todo) : [...todo];
  try {
    await options.journal?.enroll(
      list.recipients.map((r) => outBizNo(settings.campaign, settings.template_id, r.identity)),
    );
  } catch (error) {
    journalFailed(error); // nothing is sent
  }
  let stoppedBy: CampaignRun['stoppedBy'];
  // Retryable failures whose retries ran out: their result waits for one final pass at the end.
  const retryLater: typeof todo = [];
  const lastFailure = new Map<string, RecipientResult>();
  let finalPass = false;
  try {
    const claimFirst = options.journal?.shared === true;
    /** Waits for the rate limiter; false if the run stopped meanwhile. */
    const slot = async (): Promise<boolean> => {
      try {
        await limiter.acquire(stop.signal);
      } catch {
        return false; // stopped while waiting for a slot
      }
      return !stop.signal.aborted;
    };
    const work = async (item: (typeof queue)[number]) => {
      const due = (item.notBefore ?? 0) - performance.now();
      if (due > 0) await sleep(due, stop.signal);
      if (stop.signal.aborted) return;
      // A shared journal is asked first: a recipient another worker holds must not spend a slot of
      // the campaign's rate (at the end of a campaign, workers ask for such recipients many times).
      if (!claimFirst && !(await slot())) return;
      // A person listed by login_id earlier in this run may have turned out to be this user_id.
      const held = heldElsewhere(item.identity, item.out_biz_no);
      if (held) {
        reached.add(item.out_biz_no);
        const result = heldResult(without(item), held);
        if (result.status === 'failed') failed++;
        results.push(result);
        report();
        return;
      }
      let claim: Claim;
      try {
        claim = (await options.journal?.claim(item.out_biz_no, { retryFailed: settings.retryFailed })) ?? {
          kind: 'claimed',
        };
      } catch (error) {
        journalFailed(error); // not sent: reported as not reached
        return;
      }
      if (claim.kind === 'busy') {
        // Another worker holds it: ask again later (it may finish it, or die and leave it to us).
        queue.push({ ...item, notBefore: performance.now() + BUSY_RETRY_MS });
        return;
      }
      if (claim.kind === 'done') {
        // Finished by another worker since this run began.
        reached.add(item.out_biz_no);
        const outcome = claim.outcome;
        if (outcome.status === 'issued') {
          holder.set(outcome.user_id, { out_biz_no: item.out_biz_no, voucher_id: outcome.voucher_id });
          results.push({ ...without(item), status: 'already-issued', voucher_id: outcome.voucher_id });
        } else if (outcome.status === 'failed') {
          failed++;
          results.push({ ...without(item), status: 'failed', ...failureFields(outcome) });
        }
        report();
        return;
      }
      // In the final pass, `before` is this run's own failed attempt: not an earlier run's.
      const resent = (claim.before !== undefined && !finalPass) || item.resent;
      if (claimFirst && !(await slot())) return;
      // A stop that came during that sync: still not sent (a rerun counts the row as replayed).
      if (stop.signal.aborted) return;
      // No signal: once a request is on its way, its answer (maybe a voucher) must be heard and recorded.
      const sentOne = await sendOne(client, settings, item.identity, item.out_biz_no, limiter);
      const outcome = sentOne.outcome;
      sent++;
      reached.add(item.out_biz_no);
      lastFailure.delete(item.out_biz_no);
      if (sentOne.stop && !stoppedBy) {
        stoppedBy = { ...sentOne.stop, line: item.line };
        stop.abort(
          new Error(`campaign stopped: ${sentOne.stop.sub_code ?? sentOne.stop.code ?? sentOne.stop.error}`),
        );
      }
      if (outcome.status === 'issued') {
        issued++;
        const status = resent ? 'replayed' : 'issued';
        const earlier = holder.get(outcome.user_id);
        if (earlier && earlier.out_biz_no !== item.out_biz_no) {
          const row = rowOf.get(earlier.out_biz_no);
          const duplicate: DuplicatePerson = {
            user_id: outcome.user_id,
            line: item.line,
            identity: item.identity,
            out_biz_no: item.out_biz_no,
            voucher_id: outcome.voucher_id,
            earlier: { ...earlier, ...(row ? { line: row.line, identity: row.identity } : {}) },
          };
          duplicates.push(duplicate);
          options.onDuplicate?.(duplicate);
          results.push({
            ...without(item),
            status,
            voucher_id: outcome.voucher_id,
            message: `DUPLICATE PERSON: user_id ${outcome.user_id} already held voucher ${earlier.voucher_id} (${describeRow(row)}, out_biz_no ${earlier.out_biz_no})`,
          });
        } else {
          holder.set(outcome.user_id, { out_biz_no: item.out_biz_no, voucher_id: outcome.voucher_id });
          results.push({ ...without(item), status, voucher_id: outcome.voucher_id });
        }
      } else if (outcome.status === 'failed' && outcome.retryable && !sentOne.stop && !finalPass) {
        // Retries ran out (a burst of faults): one more try once the others are done.
        retryLater.push(item);
        lastFailure.set(item.out_biz_no, { ...without(item), status: 'failed', ...failureFields(outcome) });
      } else if (outcome.status === 'failed') {
        failed++;
        results.push({ ...without(item), status: 'failed', ...failureFields(outcome) });
      }
      report();
      try {
        await options.journal?.record({ out_biz_no: item.out_biz_no, outcome });
      } catch (error) {
        journalFailed(error); // the answer is in the results; a resume resends the same out_biz_no
      }
    };
    await runPool(queue, settings.concurrency, work, stop.signal);
    if (retryLater.length > 0 && !stop.signal.aborted) {
      // A pause as long as the longest retry delay, then each once more (with its own retries).
      await sleep(settings.retryDelay?.maxMs ?? 5000, stop.signal);
      finalPass = true;
      queue.splice(0, queue.length, ...retryLater);
      await runPool(queue, settings.concurrency, work, stop.signal);
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  // Not resent in the final pass (the run stopped first): the failure stands.
  const answered = new Set(results.map((r) => r.out_biz_no));
  for (const result of lastFailure.values()) {
    if (answered.has(result.out_biz_no)) continue;
    failed++;
    results.push(result);
  }
  for (const item of todo) {
    if (reached.has(item.out_biz_no)) continue;
    results.push({
      ...without(item),
      status: 'not-reached',
      message: 'the run stopped before sending it; run the campaign again to send it',
    });
  }
  return {
    results: sortByLine(results),
    duplicates,
    ...(journalError ? { journalError } : {}),
    ...(stoppedBy ? { stoppedBy } : {}),
  };
}

/** A copy of `items` in random order (Fisher-Yates). */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Waits `ms`, or less if `signal` aborts (never rejects). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function describeRow(row: { line: number; identity: Identity } | undefined): string {
  return row ? `line ${row.line} (${row.identity.field} ${row.identity.value})` : 'a row of an earlier run';
}

function failureFields(outcome: Extract<Outcome, { status: 'failed' }>) {
  return {
    ...(outcome.code ? { code: outcome.code } : {}),
    sub_code: outcome.sub_code ?? outcome.error,
    message: outcome.message,
  };
}

function without<T extends { resent: boolean; notBefore?: number }>(
  item: T,
): Omit<T, 'resent' | 'notBefore'> {
  const { resent: _, notBefore: __, ...rest } = item;
  return rest;
}

function sortByLine(results: RecipientResult[]): RecipientResult[] {
  return results.sort((a, b) => a.line - b.line);
}
