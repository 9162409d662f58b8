import { open } from 'node:fs/promises';
import type { CampaignHeader, Claim, Journal, JournalEntry, Outcome } from './journal';
import { JournalError } from './journalError';
import { Lock } from './journalLock';
import { readJournal } from './readJournal';

/**
 * The file operations the journal needs. A `FileHandle` is one.
 * @internal Only for tests, which wrap a real FileHandle to inject short writes; see `JournalOptions`.
 */
export interface JournalFile {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** @internal Test seam: the app never passes options. */
export interface JournalOptions {
  /** Opens the journal file for appending (default: `fs.promises.open(path, 'a+')`). Tests only. */
  readonly openFile?: (path: string) => Promise<JournalFile>;
}

/**
 * An append-only JSON-lines journal. `record` resolves once its line is written and fdatasync'ed, so a
 * killed process loses at most lines whose `record` had not resolved; a torn last line is cut off on open.
 * Lines recorded while a sync is under way are written together by the next one (group commit): one
 * fdatasync serves every send in flight instead of one each. Losing a line is safe: out_biz_no is
 * deterministic, so a resend is answered with the first voucher.
 *
 * A run holds `<path>.lock` (holding its pid) from `open` to `close`, so two runs never share a journal;
 * a lock left by a process that no longer exists (a SIGKILLed run) is taken over.
 *
 * If a write or sync fails (disk full, file too large, I/O error), the file is cut back to the last line
 * that was fully written and synced, and the journal fails: that `record`, every pending one and every
 * later one reject with a JournalError, and `close` throws it too. A `record` never resolves unless all
 * of its bytes were written and synced.
 */
export class FileJournal implements Journal {
  readonly path: string;
  readonly shared = false;
  private readonly file: JournalFile;
  private readonly outcomes: Map<string, Outcome>;
  private readonly lock: Lock;
  private pending: string[] = [];
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  /** Bytes and lines of the file known to be written and synced: a failure cuts the file back to them. */
  private syncedBytes: number;
  private syncedLines: number;
  private failed: JournalError | undefined;
  private closed = false;

  private constructor(
    path: string,
    file: JournalFile,
    outcomes: Map<string, Outcome>,
    lock: Lock,
    syncedBytes: number,
    syncedLines: number,
  ) {
    this.path = path;
    this.file = file;
    this.outcomes = outcomes;
    this.lock = lock;
    this.syncedBytes = syncedBytes;
    this.syncedLines = syncedLines;
  }

  /**
   * Locks the journal, opens (or creates) it, checks it belongs to this campaign, and loads what it
   * recorded. Throws a JournalError if it is in use, not a journal, corrupt, or of another campaign.
   * `options` is a test seam only.
   */
  static async open(
    path: string,
    header: CampaignHeader,
    options: JournalOptions = {},
  ): Promise<FileJournal> {
    const lock = await Lock.acquire(path);
    let file: JournalFile | undefined;
    try {
      const { outcomes, validBytes, validLines, hasHeader } = readJournal(path, header);
      file = await (options.openFile ?? ((p: string) => open(p, 'a+')))(path);
      await file.truncate(validBytes);
      const journal = new FileJournal(path, file, outcomes, lock, validBytes, validLines);
      if (!hasHeader) await journal.append({ header });
      return journal;
    } catch (error) {
      await file?.close().catch(() => {});
      await lock.release();
      if (error instanceof JournalError) throw error;
      throw new JournalError(`cannot open journal ${path}: ${(error as Error).message}`, { cause: error });
    }
  }

  get location(): string {
    return this.path;
  }

  /** The latest recorded state of each out_biz_no. */
  get entries(): ReadonlyMap<string, Outcome> {
    return this.outcomes;
  }

  /** Nothing to do: a file journal learns of a recipient when it is claimed. */
  async enroll(_outBizNos: readonly string[]): Promise<void> {}

  /**
   * This run holds the file's lock, so nobody else claims: done if the file has it issued (or failed for
   * good, unless `retryFailed`), otherwise `attempted` is recorded and the claim is this run's.
   */
  async claim(out_biz_no: string, options: { retryFailed?: boolean } = {}): Promise<Claim> {
    const before = this.outcomes.get(out_biz_no);
    if (before?.status === 'issued') return { kind: 'done', outcome: before };
    if (before?.status === 'failed' && !before.retryable && !options.retryFailed) {
      return { kind: 'done', outcome: before };
    }
    await this.record({ out_biz_no, outcome: { status: 'attempted' } });
    return { kind: 'claimed', ...(before ? { before } : {}) };
  }

  /** Records a state; resolves once it is durable (written and synced to disk). */
  record(entry: JournalEntry): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closed) return Promise.reject(new Error(`journal ${this.path} is closed`));
    this.outcomes.set(entry.out_biz_no, entry.outcome);
    return this.append(entry);
  }

  /**
   * Waits for every pending line, then closes the file and removes the lock. Throws the JournalError if
   * a write failed (after closing all the same).
   */
  async close(): Promise<void> {
    if (this.closed) {
      if (this.failed) throw this.failed;
      return;
    }
    while (this.flushing) await this.flushing;
    this.closed = true;
    let closeError: unknown;
    try {
      await this.file.close();
    } catch (error) {
      closeError = error;
    }
    await this.lock.release();
    if (this.failed) throw this.failed;
    if (closeError) this.fail(closeError);
    if (this.failed) throw this.failed;
  }

  private append(value: unknown): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.pending.push(`${JSON.stringify(value)}\n`);
    this.flushing ??= this.flush();
    return done;
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0 && !this.failed) {
      const bytes = Buffer.from(this.pending.join(''), 'utf8');
      const lines = this.pending.length;
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        // One write may write only part of the data (disk full, file size limit) without throwing.
        for (let offset = 0; offset < bytes.length; ) {
          const { bytesWritten } = await this.file.write(bytes, offset, bytes.length - offset);
          if (!(bytesWritten > 0)) throw new Error(`write wrote ${bytesWritten} bytes`);
          offset += bytesWritten;
        }
        await this.file.datasync();
        this.syncedBytes += bytes.length;
        this.syncedLines += lines;
        for (const w of waiters) w.resolve();
      } catch (error) {
        const failure = this.fail(error);
        // Cut off whatever part of this batch reached the file, so the journal stays readable.
        await this.file
          .truncate(this.syncedBytes)
          .then(() => this.file.datasync())
          .catch(() => {});
        for (const w of [...waiters, ...this.waiters]) w.reject(failure);
        this.pending = [];
        this.waiters = [];
      }
    }
    this.flushing = undefined;
  }

  private fail(error: unknown): JournalError {
    const reason = error instanceof Error ? error.message : String(error);
    const kept =
      this.syncedLines > 0 ? `nothing recorded after line ${this.syncedLines} was kept` : 'nothing was kept';
    this.failed ??= new JournalError(
      `journal ${this.path}: cannot write (${reason}): the run must stop; ${kept}`,
      { cause: error },
    );
    return this.failed;
  }
}
