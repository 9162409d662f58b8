import { setMaxListeners } from 'node:events';
import type { CampaignRun } from './campaignTypes';
import type { CampaignStop } from './sendOne';

/**
 * Stops new sends on the caller's signal, when the journal fails, or when an answer stops the whole
 * campaign; never reaches a send in flight. Keeps why it stopped, for the run's result.
 */
export class RunStop {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #onAbort = () => this.#controller.abort(this.#caller?.reason);
  journalError: Error | undefined;
  stoppedBy: CampaignRun['stoppedBy'];

  constructor(concurrency: number, caller?: AbortSignal) {
    // Every send in flight may wait on it at once (a rate slot, a busy recipient): no leak, by design.
    setMaxListeners(concurrency + 10, this.#controller.signal);
    this.#caller = caller;
    if (caller?.aborted) this.#onAbort();
    caller?.addEventListener('abort', this.#onAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The journal cannot be written: stop, and keep the first such error. */
  journalFailed(error: unknown): void {
    this.journalError ??= error instanceof Error ? error : new Error(String(error));
    this.#controller.abort(this.journalError);
  }

  /** An answer every recipient would get came for the row at `line`: the first one stops the campaign. */
  campaignStopped(stop: CampaignStop, line: number): void {
    if (this.stoppedBy) return;
    this.stoppedBy = { ...stop, line };
    this.#controller.abort(new Error(`campaign stopped: ${stop.sub_code ?? stop.code ?? stop.error}`));
  }

  /** Stops listening to the caller's signal, once the run is over. */
  dispose(): void {
    this.#caller?.removeEventListener('abort', this.#onAbort);
  }
}
