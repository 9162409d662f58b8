import type { CampaignTally } from './campaignTally';
import type { CampaignSettings, Client, DuplicatePerson, RecipientResult, Todo } from './campaignTypes';
import type { Claim, Journal, Outcome } from './journal';
import { runPool } from './pool';
import type { RateLimiter } from './rateLimiter';
import { failureFields, rowOf } from './resultFields';
import type { RunStop } from './runStop';
import { sendOne } from './sendOne';
import { sleep } from './sleep';
import type { VoucherHolders } from './voucherHolders';

/** How long a recipient another worker holds waits before it is asked for again. */
const BUSY_RETRY_MS = 200;

/** What the send loop works with: the run's settings, its collaborators and its shared state. */
export interface SendLoopContext {
  readonly settings: CampaignSettings;
  readonly client: Client;
  readonly journal: Journal | undefined;
  readonly limiter: RateLimiter;
  readonly holders: VoucherHolders;
  readonly tally: CampaignTally;
  readonly stop: RunStop;
  readonly onDuplicate: ((duplicate: DuplicatePerson) => void) | undefined;
}

/**
 * Sends the recipients with `settings.concurrency` in flight, each paced by the limiter and claimed in
 * the journal first; then, after a pause, gives the retryable failures whose retries ran out (a burst
 * of faults) one more pass.
 */
export class SendLoop {
  readonly #ctx: SendLoopContext;
  /** The pool's queue: a recipient another worker holds goes back at its end, to be asked for later. */
  readonly #queue: Todo[] = [];
  /** Recipients this run reached (sent, or found done): the others end as not reached. */
  readonly reached = new Set<string>();
  // Retryable failures whose retries ran out: their result waits for the final pass.
  readonly #retryLater: Todo[] = [];
  readonly #lastFailure = new Map<string, RecipientResult>();
  /** Answers being written to the journal: the lane that sent one goes on meanwhile. */
  readonly #recording = new Set<Promise<void>>();
  #finalPass = false;

  constructor(ctx: SendLoopContext) {
    this.#ctx = ctx;
  }

  /** Sends `todo` (in this order), then the final pass. */
  async run(todo: readonly Todo[]): Promise<void> {
    const { settings, stop } = this.#ctx;
    this.#queue.push(...todo);
    await runPool(this.#queue, settings.concurrency, (item) => this.#work(item), stop.signal);
    await this.#recorded();
    if (this.#retryLater.length === 0 || stop.signal.aborted) return;
    // A pause as long as the longest retry delay, then each once more (with its own retries).
    await sleep(settings.retryDelay?.maxMs ?? 5000, stop.signal);
    this.#finalPass = true;
    this.#queue.splice(0, this.#queue.length, ...this.#retryLater);
    await runPool(this.#queue, settings.concurrency, (item) => this.#work(item), stop.signal);
    await this.#recorded();
  }

  /** Waits until every answer sent so far is in the journal (or the journal has failed). */
  async #recorded(): Promise<void> {
    while (this.#recording.size > 0) await Promise.all(this.#recording);
  }

  /** The failures the final pass did not get to resend (the run stopped first): they stand. */
  standingFailures(): RecipientResult[] {
    return [...this.#lastFailure.values()];
  }

  async #work(item: Todo): Promise<void> {
    const { stop, holders, tally } = this.#ctx;
    const due = (item.notBefore ?? 0) - performance.now();
    if (due > 0) await sleep(due, stop.signal);
    if (stop.signal.aborted) return;
    // A shared journal is asked first: a recipient another worker holds must not spend a slot of the
    // campaign's rate (at the end of a campaign, workers ask for such recipients many times).
    const claimFirst = this.#ctx.journal?.shared === true;
    if (!claimFirst && !(await this.#slot())) return;
    // A person listed by login_id earlier in this run may have turned out to be this user_id.
    const held = holders.heldElsewhere(item.identity, item.out_biz_no);
    if (held) {
      this.reached.add(item.out_biz_no);
      tally.add(holders.heldResult(rowOf(item), held));
      tally.report();
      return;
    }
    const claim = await this.#claim(item);
    if (claim === undefined) return;
    // In the final pass, `before` is this run's own failed attempt: not an earlier run's.
    const resent = (claim.before !== undefined && !this.#finalPass) || item.resent;
    if (claimFirst && !(await this.#slot())) return;
    // A stop that came during that sync: still not sent (a rerun counts the row as replayed).
    if (stop.signal.aborted) return;
    await this.#send(item, resent);
  }

  /** Waits for the rate limiter; false if the run stopped meanwhile. */
  async #slot(): Promise<boolean> {
    const { signal } = this.#ctx.stop;
    try {
      await this.#ctx.limiter.acquire(signal);
    } catch {
      return false; // stopped while waiting for a slot
    }
    return !signal.aborted;
  }

  /**
   * Claims the recipient in the journal. Undefined when there is nothing to send: the journal failed
   * (the row is then not reached), another worker holds it (asked for again later), or another worker
   * finished it since this run began (its result is taken).
   */
  async #claim(item: Todo): Promise<Extract<Claim, { kind: 'claimed' }> | undefined> {
    const { journal, settings, stop, holders, tally } = this.#ctx;
    let claim: Claim;
    try {
      claim = (await journal?.claim(item.out_biz_no, { retryFailed: settings.retryFailed })) ?? {
        kind: 'claimed',
      };
    } catch (error) {
      stop.journalFailed(error); // not sent: reported as not reached
      return undefined;
    }
    if (claim.kind === 'claimed') return claim;
    if (claim.kind === 'busy') {
      // Another worker holds it: ask again later (it may finish it, or die and leave it to us).
      this.#queue.push({ ...item, notBefore: performance.now() + BUSY_RETRY_MS });
      return undefined;
    }
    this.reached.add(item.out_biz_no);
    const outcome = claim.outcome;
    if (outcome.status === 'issued') {
      holders.noteIssued(item, outcome);
      tally.add({ ...rowOf(item), status: 'already-issued', voucher_id: outcome.voucher_id });
    } else if (outcome.status === 'failed') {
      tally.add({ ...rowOf(item), status: 'failed', ...failureFields(outcome) });
    }
    tally.report();
    return undefined;
  }

  /** Sends one recipient, takes its answer and records it. */
  async #send(item: Todo, resent: boolean): Promise<void> {
    const { client, settings, limiter, stop, tally, journal } = this.#ctx;
    // No signal: once a request is on its way, its answer (maybe a voucher) must be heard and recorded.
    const sentOne = await sendOne(client, settings, item.identity, item.out_biz_no, limiter);
    const outcome = sentOne.outcome;
    tally.countSend();
    this.reached.add(item.out_biz_no);
    this.#lastFailure.delete(item.out_biz_no);
    if (sentOne.stop) stop.campaignStopped(sentOne.stop, item.line);
    this.#takeAnswer(item, outcome, resent, sentOne.stop !== undefined);
    tally.report();
    if (!journal) return;
    // The lane goes on while the answer is synced: the next recipient's claim must be durable before
    // it is sent, and a journal that failed refuses every later claim, so nothing goes out unrecorded
    // that a rerun would not resend with the same out_biz_no.
    const recording = journal
      .record({ out_biz_no: item.out_biz_no, outcome })
      .catch((error: unknown) => stop.journalFailed(error)) // in the results; a resume resends it
      .finally(() => this.#recording.delete(recording));
    this.#recording.add(recording);
  }

  #takeAnswer(item: Todo, outcome: Outcome, resent: boolean, stopsCampaign: boolean): void {
    const { holders, tally } = this.#ctx;
    const row = rowOf(item);
    if (outcome.status === 'issued') {
      const status = resent ? 'replayed' : 'issued';
      const second = holders.issued(row, outcome);
      if (second) {
        tally.addDuplicate(second.duplicate);
        this.#ctx.onDuplicate?.(second.duplicate);
      }
      const message = second ? { message: second.message } : {};
      tally.add({ ...row, status, voucher_id: outcome.voucher_id, ...message });
    } else if (outcome.status === 'failed' && outcome.retryable && !stopsCampaign && !this.#finalPass) {
      // Retries ran out (a burst of faults): one more try once the others are done.
      this.#retryLater.push(item);
      this.#lastFailure.set(item.out_biz_no, { ...row, status: 'failed', ...failureFields(outcome) });
    } else if (outcome.status === 'failed') {
      tally.add({ ...row, status: 'failed', ...failureFields(outcome) });
    }
  }
}
