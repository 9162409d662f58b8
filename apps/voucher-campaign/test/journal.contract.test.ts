import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type CampaignHeader, FileJournal, type Journal, JournalError } from '../src/journal';
import { PgJournal } from '../src/pgJournal';
import { freshDatabase } from './postgres';

const header = { campaign: 'c1', template_id: 'T1' };

/** Opens journals of one place (a file, a database), closing each when the test finishes. */
type Place = (h?: CampaignHeader) => Promise<Journal>;

const implementations: [string, () => Promise<Place>][] = [
  [
    'file',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'journal-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      return (h = header) => FileJournal.open(join(dir, 'j.jsonl'), h);
    },
  ],
  [
    'postgres',
    async () => {
      const url = await freshDatabase();
      return async (h = header) => {
        const journal = await PgJournal.open(url, h);
        onTestFinished(() => journal.close().catch(() => {}));
        return journal;
      };
    },
  ],
];

const issued = { status: 'issued', voucher_id: 'V1', user_id: '2088000000000001' } as const;
const finalFailure = {
  status: 'failed',
  retryable: false,
  error: 'AlipayApiError',
  code: '40004',
  sub_code: 'USER_FROZEN',
  message: 'frozen',
} as const;
const retryableFailure = {
  status: 'failed',
  retryable: true,
  error: 'AlipayTimeoutError',
  message: 'timed out',
} as const;

describe.each(implementations)('Journal contract: %s', (_name, place) => {
  it('keeps the latest state of each out_biz_no across reopening', async () => {
    const open = await place();
    const journal = await open();
    await journal.record({ out_biz_no: 'a', outcome: { status: 'attempted' } });
    await journal.record({ out_biz_no: 'a', outcome: issued });
    await journal.record({ out_biz_no: 'b', outcome: { status: 'attempted' } });
    expect(Object.fromEntries(journal.entries)).toEqual({ a: issued, b: { status: 'attempted' } });
    await journal.close();
    const again = await open();
    expect(Object.fromEntries(again.entries)).toEqual({ a: issued, b: { status: 'attempted' } });
    await again.close();
  });

  it('claims a new recipient (recording it attempted), and answers done once it is issued', async () => {
    const open = await place();
    const journal = await open();
    await journal.enroll(['a', 'b']);
    expect(await journal.claim('a')).toEqual({ kind: 'claimed' });
    expect(journal.entries.get('a')).toEqual({ status: 'attempted' });
    await journal.record({ out_biz_no: 'a', outcome: issued });
    expect(await journal.claim('a')).toEqual({ kind: 'done', outcome: issued });
    await journal.close();
    const again = await open();
    expect(again.entries.get('a')).toEqual(issued);
    expect(again.entries.has('b')).toBe(false);
    await again.close();
  });

  it('claims an attempt left unconfirmed by a run that died, saying it was attempted before', async () => {
    const open = await place();
    const first = await open();
    await first.enroll(['a']);
    expect((await first.claim('a')).kind).toBe('claimed');
    await first.close(); // as a killed run would leave it: attempted, no answer
    const second = await open();
    expect(await second.claim('a')).toEqual({ kind: 'claimed', before: { status: 'attempted' } });
    await second.close();
  });

  it('leaves a final failure alone unless told to retry it; takes a retryable one', async () => {
    const open = await place();
    const journal = await open();
    await journal.enroll(['f', 'r']);
    await journal.record({ out_biz_no: 'f', outcome: finalFailure });
    await journal.record({ out_biz_no: 'r', outcome: retryableFailure });
    expect(await journal.claim('f')).toEqual({ kind: 'done', outcome: finalFailure });
    expect(await journal.claim('r')).toEqual({ kind: 'claimed', before: retryableFailure });
    expect(await journal.claim('f', { retryFailed: true })).toEqual({
      kind: 'claimed',
      before: finalFailure,
    });
    await journal.close();
  });

  it('refuses a journal of another campaign, naming what differs', async () => {
    const open = await place();
    await (await open()).close();
    const error = await open({ ...header, memo: 'new memo' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect((error as Error).message).toMatch(
      /belongs to another campaign: its memo is null, this run's is "new memo"/,
    );
  });

  it('makes every concurrent claim durable, none lost', async () => {
    const open = await place();
    const journal = await open();
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
    await journal.enroll(keys);
    const claims = await Promise.all(keys.map((k) => journal.claim(k)));
    expect(claims.every((c) => c.kind === 'claimed')).toBe(true);
    await journal.close();
    const again = await open();
    expect([...again.entries.keys()].sort()).toEqual([...keys].sort());
    expect([...again.entries.values()].every((o) => o.status === 'attempted')).toBe(true);
    await again.close();
  });

  it('rejects every call after close', async () => {
    const open = await place();
    const journal = await open();
    await journal.close();
    await expect(journal.record({ out_biz_no: 'a', outcome: { status: 'attempted' } })).rejects.toThrow(
      /closed/,
    );
  });
});
