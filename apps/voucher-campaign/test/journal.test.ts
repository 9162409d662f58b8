import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Journal, readJournal } from '../src/journal';

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
