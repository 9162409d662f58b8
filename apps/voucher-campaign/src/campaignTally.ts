import type { DuplicatePerson, Progress, RecipientResult } from './campaignTypes';

/** The run's results as they come, and the counts its progress reports. */
export class CampaignTally {
  readonly results: RecipientResult[];
  readonly duplicates: DuplicatePerson[] = [];
  #issued = 0;
  #failed = 0;
  #sent = 0;
  readonly #total: number;
  readonly #onProgress: ((progress: Progress) => void) | undefined;

  /** Starts from the results planned before sending (those the journal answered for). */
  constructor(planned: readonly RecipientResult[], total: number, onProgress?: (progress: Progress) => void) {
    this.results = [];
    this.#total = total;
    this.#onProgress = onProgress;
    for (const result of planned) this.add(result);
  }

  /** Adds a recipient's result; a failed one counts as failed, an issued or replayed one as issued. */
  add(result: RecipientResult): void {
    if (result.status === 'failed') this.#failed++;
    if (result.status === 'issued' || result.status === 'replayed') this.#issued++;
    this.results.push(result);
  }

  /** Counts a send that finished (answered or given up), whatever its result. */
  countSend(): void {
    this.#sent++;
  }

  addDuplicate(duplicate: DuplicatePerson): void {
    this.duplicates.push(duplicate);
  }

  /** The out_biz_nos that have a result. */
  answered(): Set<string> {
    return new Set(this.results.map((r) => r.out_biz_no));
  }

  report(): void {
    this.#onProgress?.({
      done: this.results.length,
      total: this.#total,
      issued: this.#issued,
      failed: this.#failed,
      sent: this.#sent,
    });
  }
}
