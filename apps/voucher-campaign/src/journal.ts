import { existsSync, readFileSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

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
 * An append-only JSON-lines journal. `record` resolves once its line is written and fdatasync'ed, so a
 * killed process loses at most lines whose `record` had not resolved; a torn last line is cut off on open.
 * Lines recorded while a sync is under way are written together by the next one (group commit): one
 * fdatasync serves every send in flight instead of one each. Losing a line is safe: out_biz_no is
 * deterministic, so a resend is answered with the first voucher.
 */
export class Journal {
  readonly path: string;
  private readonly file: FileHandle;
  private readonly outcomes: Map<string, Outcome>;
  private pending: string[] = [];
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;

  private constructor(path: string, file: FileHandle, outcomes: Map<string, Outcome>) {
    this.path = path;
    this.file = file;
    this.outcomes = outcomes;
  }

  /** Opens (or creates) the journal, checks it belongs to this campaign, and loads what it recorded. */
  static async open(path: string, header: CampaignHeader): Promise<Journal> {
    const { outcomes, validBytes, hasHeader } = readJournal(path, header);
    const file = await open(path, 'a+');
    await file.truncate(validBytes);
    const journal = new Journal(path, file, outcomes);
    if (!hasHeader) await journal.append({ header });
    return journal;
  }

  /** The latest recorded state of each out_biz_no. */
  get entries(): ReadonlyMap<string, Outcome> {
    return this.outcomes;
  }

  /** Records a state; resolves once it is durable (written and synced to disk). */
  record(entry: JournalEntry): Promise<void> {
    this.outcomes.set(entry.out_biz_no, entry.outcome);
    return this.append(entry);
  }

  /** Waits for every pending line, then closes the file. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.file.close();
  }

  private append(value: unknown): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.pending.push(`${JSON.stringify(value)}\n`);
    this.flushing ??= this.flush();
    return done;
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const lines = this.pending.join('');
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        await this.file.write(lines);
        await this.file.datasync();
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters) w.reject(error);
      }
    }
    this.flushing = undefined;
  }
}

/** Reads a journal without changing it (a dry run uses this to show what is left). */
export function readJournal(path: string, header: CampaignHeader) {
  const outcomes = new Map<string, Outcome>();
  let validBytes = 0;
  let hasHeader = false;
  if (!existsSync(path)) return { outcomes, validBytes, hasHeader };
  const bytes = readFileSync(path);
  let start = 0;
  for (let nl = bytes.indexOf(10, start); nl !== -1; nl = bytes.indexOf(10, start)) {
    const record = JSON.parse(bytes.toString('utf8', start, nl)) as {
      header?: CampaignHeader;
    } & Partial<JournalEntry>;
    if (record.header) {
      assertSameCampaign(path, record.header, header);
      hasHeader = true;
    } else if (record.out_biz_no && record.outcome) {
      outcomes.set(record.out_biz_no, record.outcome);
    }
    start = nl + 1;
    validBytes = start;
  }
  // Anything after the last newline is a line torn by a crash: it is ignored, and cut off on open.
  return { outcomes, validBytes, hasHeader };
}

function assertSameCampaign(path: string, found: CampaignHeader, wanted: CampaignHeader): void {
  for (const key of ['campaign', 'template_id', 'amount', 'memo'] as const) {
    if ((found[key] ?? '') !== (wanted[key] ?? '')) {
      throw new Error(
        `journal ${path} belongs to another campaign: its ${key} is ${JSON.stringify(found[key] ?? null)}, ` +
          `this run's is ${JSON.stringify(wanted[key] ?? null)} (resending with other content would be refused by Alipay)`,
      );
    }
  }
}
