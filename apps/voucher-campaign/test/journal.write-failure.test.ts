import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { JournalFile } from '../src/fileJournal';
import { FileJournal as Journal, JournalError } from '../src/journal';

const header = { campaign: 'c1', template_id: 'T1' };
const app = join(import.meta.dirname, '..');

/** A scratch directory, removed when the test finishes. */
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'journal-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const enospc = () =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });

/**
 * Opens the real file, but lets `plan` limit what each write call (numbered from 0; the header is call 0)
 * may write, as a full disk does: a number writes at most that many bytes (really, to the file), an error
 * is thrown without writing.
 */
function faultyFile(plan: (call: number) => number | Error | undefined) {
  let calls = 0;
  return async (path: string): Promise<JournalFile> => {
    const handle = await open(path, 'a+');
    return {
      write: async (buffer, offset, length) => {
        const limit = plan(calls++);
        if (limit instanceof Error) throw limit;
        return handle.write(buffer, offset, Math.min(length, limit ?? length));
      },
      datasync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  };
}

const linesOf = (path: string) => readFileSync(path, 'utf8').split('\n');

describe('Journal short writes', () => {
  it('writes the rest of a line that one write call cut short', async () => {
    const path = join(scratch(), 'j.jsonl');
    const journal = await Journal.open(path, header, {
      openFile: faultyFile((call) => (call === 1 || call === 2 ? 5 : undefined)),
    });
    await journal.record({ out_biz_no: 'a', outcome: { status: 'attempted' } });
    await journal.record({ out_biz_no: 'b', outcome: { status: 'attempted' } });
    await journal.close();
    expect(linesOf(path).map((l) => (l ? (JSON.parse(l).out_biz_no ?? 'header') : ''))).toEqual([
      'header',
      'a',
      'b',
      '',
    ]);
  });

  it('on a full disk, cuts the fragment off and fails every later record with a JournalError', async () => {
    const path = join(scratch(), 'j.jsonl');
    let diskFull = false;
    const journal = await Journal.open(path, header, {
      // Once the disk is full, a write gets 7 bytes out, and the next one fails.
      openFile: faultyFile((call) => (diskFull ? (call === 2 ? 7 : enospc()) : undefined)),
    });
    await journal.record({ out_biz_no: 'a', outcome: { status: 'attempted' } });
    const kept = readFileSync(path, 'utf8');
    diskFull = true;

    const message =
      `journal ${path}: cannot write (ENOSPC: no space left on device, write): the run must stop; ` +
      'nothing recorded after line 2 was kept';
    const error = await journal
      .record({ out_biz_no: 'b', outcome: { status: 'attempted' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect((error as Error).message).toBe(message);
    expect(readFileSync(path, 'utf8')).toBe(kept);

    diskFull = false; // space comes back: the journal stays failed, the run has to stop
    await expect(journal.record({ out_biz_no: 'c', outcome: { status: 'attempted' } })).rejects.toThrow(
      message,
    );
    await expect(journal.close()).rejects.toThrow(message);
    expect(readFileSync(path, 'utf8')).toBe(kept);
    expect(existsSync(`${path}.lock`)).toBe(false);

    const again = await Journal.open(path, header);
    expect([...again.entries.keys()]).toEqual(['a']);
    await again.close();
  });

  it('rejects every record of the failed group commit and every one queued behind it', async () => {
    const path = join(scratch(), 'j.jsonl');
    // Call 1 writes k0 alone (the flush starts at once); call 2, the group of k1..k49, fails part way.
    const journal = await Journal.open(path, header, {
      openFile: faultyFile((call) => (call === 2 ? 100 : call > 2 ? enospc() : undefined)),
    });
    const settled = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        journal.record({ out_biz_no: `k${i}`, outcome: { status: 'attempted' } }),
      ),
    );
    await expect(journal.close()).rejects.toThrow(JournalError);
    expect(settled[0]?.status).toBe('fulfilled');
    const rejected = settled.slice(1);
    expect(rejected.every((s) => s.status === 'rejected' && s.reason instanceof JournalError)).toBe(true);
    expect(linesOf(path).map((l) => (l ? (JSON.parse(l).out_biz_no ?? 'header') : ''))).toEqual([
      'header',
      'k0',
      '',
    ]);
  });

  it('under a real file size limit (EFBIG), never reports a cut line durable', () => {
    if (process.platform === 'win32') return;
    const dir = scratch();
    const path = join(dir, 'j.jsonl');
    const script = join(dir, 'fill.mts');
    writeFileSync(
      script,
      `import { FileJournal as Journal } from ${JSON.stringify(join(app, 'src', 'fileJournal.ts'))};
const journal = await Journal.open(process.argv[2] as string, ${JSON.stringify(header)});
const results: string[] = [];
for (let i = 0; i < 100; i++) {
  await journal
    .record({ out_biz_no: 'k' + String(i).padStart(60, '0'), outcome: { status: 'attempted' } })
    .then(() => results.push('ok'), (e: Error) => results.push(e.name + ': ' + e.message));
}
const closed = await journal.close().then(() => 'ok', (e: Error) => e.name + ': ' + e.message);
console.log(JSON.stringify({ results, closed }));
`,
    );
    // `ulimit -f 8`: the kernel lets the file grow to 4 KiB, writing part of the write that crosses it.
    const out = execFileSync(
      'sh',
      ['-c', 'ulimit -f 8 && exec "$0" "$@"', process.execPath, '--import', 'tsx', script, path],
      { cwd: app, encoding: 'utf8' },
    );
    const { results, closed } = JSON.parse(out) as { results: string[]; closed: string };
    const ok = results.filter((r) => r === 'ok').length;
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThan(100);
    expect(results.slice(0, ok).every((r) => r === 'ok')).toBe(true);
    const failure = `JournalError: journal ${path}: cannot write (EFBIG: file too large, write): the run must stop; nothing recorded after line ${ok + 1} was kept`;
    expect(results.slice(ok).every((r) => r === failure)).toBe(true);
    expect(closed).toBe(failure);
    // What is on disk is exactly the lines whose record resolved, each whole.
    const lines = linesOf(path);
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(ok + 1);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
