import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FileJournal as Journal, JournalError, readJournal } from '../src/journal';

const header = { campaign: 'c1', template_id: 'T1' };
/** A journal path in a scratch directory, removed when the test finishes. */
const file = () => {
  const dir = mkdtempSync(join(tmpdir(), 'journal-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'j.jsonl');
};

describe('Journal', () => {
  it('keeps the latest state of each out_biz_no across reopening', async () => {
    const path = file();
    const journal = await Journal.open(path, header);
    await journal.record({ out_biz_no: 'a', outcome: { status: 'attempted' } });
    await journal.record({ out_biz_no: 'a', outcome: { status: 'issued', voucher_id: 'V1', user_id: 'U1' } });
    await journal.record({ out_biz_no: 'b', outcome: { status: 'attempted' } });
    await journal.close();
    const again = await Journal.open(path, header);
    expect(Object.fromEntries(again.entries)).toEqual({
      a: { status: 'issued', voucher_id: 'V1', user_id: 'U1' },
      b: { status: 'attempted' },
    });
    await again.close();
  });

  it('cuts off a line torn by a crash, and appends after what was whole', async () => {
    const path = file();
    const journal = await Journal.open(path, header);
    await journal.record({ out_biz_no: 'a', outcome: { status: 'attempted' } });
    await journal.close();
    appendFileSync(path, '{"out_biz_no":"b","outc');
    const again = await Journal.open(path, header);
    expect([...again.entries.keys()]).toEqual(['a']);
    await again.record({ out_biz_no: 'c', outcome: { status: 'attempted' } });
    await again.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).out_biz_no ?? 'header')).toEqual(['header', 'a', 'c']);
  });

  it('refuses to resume a journal of another campaign, naming what differs', async () => {
    const path = file();
    await (await Journal.open(path, header)).close();
    await expect(Journal.open(path, { ...header, memo: 'new memo' })).rejects.toThrow(
      /its memo is null, this run's is "new memo"/,
    );
    const error = await Journal.open(path, { ...header, memo: 'new memo' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect((error as Error).name).toBe('JournalError');
    expect(() => readJournal(path, { ...header, memo: 'new memo' })).toThrow(JournalError);
  });

  it('reads without writing for a dry run', () => {
    const path = file();
    expect(readJournal(path, header).outcomes.size).toBe(0);
    expect(() => readFileSync(path)).toThrow();
  });
});

describe('Journal group commit', () => {
  it('makes every concurrently recorded line durable, in one file, none lost', async () => {
    const path = file();
    const journal = await Journal.open(path, header);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        journal.record({ out_biz_no: `k${i}`, outcome: { status: 'attempted' } }),
      ),
    );
    await journal.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(201);
    expect(new Set(lines.slice(1).map((l) => JSON.parse(l).out_biz_no)).size).toBe(200);
  });
});

/** A journal holding a header and entries a, then the given raw text. */
async function journalWith(path: string, raw: string): Promise<string> {
  const journal = await Journal.open(path, header);
  await journal.record({ out_biz_no: 'a', outcome: { status: 'attempted' } });
  await journal.close();
  appendFileSync(path, raw);
  return readFileSync(path, 'utf8');
}

describe('Journal corrupt lines', () => {
  it('names the path and the line of a bad line in the middle, and changes nothing', async () => {
    const path = file();
    // A line torn by a crash with another appended after it: no longer the torn last line.
    const before = await journalWith(
      path,
      '{"out_biz_no":"b","outc\n{"out_biz_no":"c","outcome":{"status":"attempted"}}\n',
    );
    const message = new RegExp(
      `^journal ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 3 is not valid JSON: .+; ` +
        'a torn last line is cut off on its own, a bad line in the middle needs fixing by hand$',
    );
    expect(() => readJournal(path, header)).toThrow(JournalError);
    expect(() => readJournal(path, header)).toThrow(message);
    await expect(Journal.open(path, header)).rejects.toThrow(message);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('refuses a line that is JSON but not a journal entry, naming its line', async () => {
    const path = file();
    await journalWith(path, 'null\n');
    expect(() => readJournal(path, header)).toThrow(JournalError);
    await expect(Journal.open(path, header)).rejects.toThrow(
      `journal ${path} line 3 is not a journal entry; a torn last line is cut off on its own`,
    );
  });
});

describe('Journal refuses a file that is not a journal', () => {
  const notAJournal = (path: string) =>
    `${path} is not a voucher-campaign journal (its first line is not a journal header); refusing to change it`;

  for (const [what, content] of [
    ['a CSV file', 'user_id\n2088000000000001\n2088000000000002\n'],
    ['a notes file without a trailing newline', 'remember to send the spring vouchers'],
    ['a JSON-lines file of something else', '{"out_biz_no":"a","outcome":{"status":"attempted"}}\n'],
    ['a file starting like a header whose first line is not one', '{"header":42}\n'],
  ] as const) {
    it(`refuses ${what} and leaves it as it was`, async () => {
      const path = file();
      writeFileSync(path, content);
      await expect(Journal.open(path, header)).rejects.toThrow(JournalError);
      await expect(Journal.open(path, header)).rejects.toThrow(notAJournal(path));
      expect(() => readJournal(path, header)).toThrow(notAJournal(path));
      expect(readFileSync(path, 'utf8')).toBe(content);
      expect(existsSync(`${path}.lock`)).toBe(false);
    });
  }

  for (const [what, content] of [
    ['an empty file', ''],
    ['a header torn by a crash', '{"header":{"campaign":"c1","templ'],
    ['a header torn before its first key was whole', '{"hea'],
  ] as const) {
    it(`takes ${what} as a new journal`, async () => {
      const path = file();
      writeFileSync(path, content);
      const journal = await Journal.open(path, header);
      await journal.record({ out_biz_no: 'a', outcome: { status: 'attempted' } });
      await journal.close();
      const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
      expect(lines.map((l) => JSON.parse(l))).toEqual([
        { header },
        { out_biz_no: 'a', outcome: { status: 'attempted' } },
      ]);
    });
  }
});

describe('Journal lock', () => {
  const inUse = (path: string, pid: number) =>
    `journal ${path} is in use by process ${pid} (lock file ${path}.lock); if no run is going, delete the lock file`;

  it('refuses a second open while the journal is open, and frees it on close', async () => {
    const path = file();
    const first = await Journal.open(path, header);
    expect(readFileSync(`${path}.lock`, 'utf8').split('\n')[0]).toBe(String(process.pid));
    const error = await Journal.open(path, header).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect((error as Error).message).toBe(inUse(path, process.pid));
    // The refused open changed nothing: the first one still writes, and still holds the lock.
    await first.record({ out_biz_no: 'a', outcome: { status: 'attempted' } });
    expect(existsSync(`${path}.lock`)).toBe(true);
    await first.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    const again = await Journal.open(path, header);
    expect([...again.entries.keys()]).toEqual(['a']);
    await again.close();
  });

  it('refuses a journal locked by another live process', async () => {
    const path = file();
    await journalWith(path, '');
    const before = readFileSync(path, 'utf8');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    onTestFinished(() => {
      other.kill('SIGKILL');
    });
    const pid = other.pid as number;
    writeFileSync(`${path}.lock`, `${pid}\n`);
    await expect(Journal.open(path, header)).rejects.toThrow(inUse(path, pid));
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${pid}\n`);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('takes over the lock of a process that is gone (a SIGKILLed run)', async () => {
    const path = file();
    await journalWith(path, '{"out_biz_no":"b","outc');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${path}.lock`, `${dead}\n`);
    const journal = await Journal.open(path, header);
    expect(readFileSync(`${path}.lock`, 'utf8').split('\n')[0]).toBe(String(process.pid));
    expect([...journal.entries.keys()]).toEqual(['a']);
    await journal.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('takes over a lock holding its own pid that it does not hold (pid reused after a crash)', async () => {
    const path = file();
    writeFileSync(`${path}.lock`, `${process.pid}\n`);
    const journal = await Journal.open(path, header);
    await expect(Journal.open(path, header)).rejects.toThrow(inUse(path, process.pid));
    await journal.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('names its host and pid namespace, and never takes over a lock from another host or container', async () => {
    const path = file();
    await journalWith(path, '');
    const first = await Journal.open(path, header);
    const [pid, host, namespace] = readFileSync(`${path}.lock`, 'utf8').split('\n');
    expect([pid, host]).toEqual([String(process.pid), hostname()]);
    await first.close();
    // Pid 1 is alive here, and a dead pid would be taken over here: elsewhere, neither means anything.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    for (const [owner, lock] of [
      [`${dead} on other-host`, `${dead}\nother-host\n${namespace}\n`],
      [`${dead} on ${host}`, `${dead}\n${host}\npid:[1]\n`], // another container of this host
    ] as const) {
      writeFileSync(`${path}.lock`, lock);
      await expect(Journal.open(path, header)).rejects.toThrow(
        `journal ${path} is in use by process ${owner} (another machine or container`,
      );
      expect(readFileSync(`${path}.lock`, 'utf8')).toBe(lock);
    }
  });

  it('is not taken by a dry run, nor left behind by a refused open', async () => {
    const path = file();
    await journalWith(path, '');
    readJournal(path, header);
    expect(existsSync(`${path}.lock`)).toBe(false);
    await expect(Journal.open(path, { ...header, campaign: 'other' })).rejects.toThrow(JournalError);
    expect(existsSync(`${path}.lock`)).toBe(false);
    await (await Journal.open(path, header)).close();
  });
});
