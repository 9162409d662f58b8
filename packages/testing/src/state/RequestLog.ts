import type { RequestLogEntry } from '../FakeGatewayCore.js';

/**
 * The request log of one epoch. A request takes its `seq` when it arrives; its entry is listed when it
 * completes, at its place in arrival order (so a slow first request is listed first, once done).
 * Past `limit` entries, the earliest arrivals are dropped.
 */
export class RequestLog {
  #seq = 0;
  /** Completed entries, in arrival order. */
  readonly entries: RequestLogEntry[] = [];

  constructor(readonly limit: number) {}

  /** The next arrival's seq, from 1. */
  reserve(): number {
    return ++this.#seq;
  }

  /** Lists a completed entry at its arrival place. */
  complete(entry: RequestLogEntry): void {
    let at = this.entries.length;
    // Usually appended: requests mostly complete in the order they arrive.
    while (at > 0 && this.entries[at - 1]!.seq > entry.seq) at--;
    this.entries.splice(at, 0, entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }
}
