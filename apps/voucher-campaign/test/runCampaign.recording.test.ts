import { createAlipayClient } from '@aopkit/client';
import { describe, expect, it } from 'vitest';
import type { Claim, Journal, JournalEntry, Outcome } from '../src/journal';
import { runCampaign } from '../src/runCampaign';
import { TEMPLATE, useCampaignFake, userId } from './helpers/campaignFake';

const fake = useCampaignFake();

/** A journal whose records are held until the test lets them go, and which can fail. */
function heldJournal() {
  const entries = new Map<string, Outcome>();
  const held: { entry: JournalEntry; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let failure: Error | undefined;
  let failNext: Error | undefined;
  const claims: string[] = [];
  const journal: Journal = {
    location: 'memory',
    shared: false,
    entries,
    enroll: async () => {},
    claim: async (out_biz_no): Promise<Claim> => {
      if (failure) throw failure;
      claims.push(out_biz_no);
      return { kind: 'claimed' };
    },
    record: (entry) =>
      new Promise<void>((resolve, reject) => {
        if (failNext) {
          // The disk fills as this answer is written: it and everything after is refused.
          failure = failNext;
          reject(failNext);
          return;
        }
        held.push({ entry, resolve, reject });
      }),
    close: async () => {},
  } as Journal;
  return {
    journal,
    claims,
    held,
    failOnNextRecord(error: Error) {
      failNext = error;
    },
    releaseAll() {
      for (const h of held.splice(0)) {
        entries.set(h.entry.out_biz_no, h.entry.outcome);
        h.resolve();
      }
    },
  };
}

const recipients = (n: number) => ({
  recipients: Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    identity: { field: 'user_id', value: userId(i + 1) } as const,
  })),
  skipped: [],
});

describe('the send loop and the journal', () => {
  it('a lane goes on while its answer is synced, and the run ends only once every answer is recorded', async () => {
    const held = heldJournal();
    const client = createAlipayClient(fake.clientOptions);
    let ended = false;
    const running = runCampaign(
      recipients(3),
      { campaign: 'rec', template_id: TEMPLATE, concurrency: 1 },
      {
        client,
        journal: held.journal,
      },
    ).then((run) => {
      ended = true;
      return run;
    });
    // One lane: all three are claimed and sent although no record has resolved yet.
    await expect.poll(() => held.held.length, { timeout: 5000 }).toBe(3);
    expect(held.claims).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ended).toBe(false);
    held.releaseAll();
    const run = await running;
    expect(run.results.map((r) => r.status)).toEqual(['issued', 'issued', 'issued']);
    expect(held.journal.entries.size).toBe(3);
  });

  it('a record that fails stops the run: no later recipient is claimed, so none is sent unrecorded', async () => {
    const held = heldJournal();
    const client = createAlipayClient(fake.clientOptions);
    held.failOnNextRecord(new Error('disk full'));
    const run = await runCampaign(
      recipients(5),
      { campaign: 'fail', template_id: TEMPLATE, concurrency: 1 },
      {
        client,
        journal: held.journal,
      },
    );
    expect(run.journalError).toBeDefined();
    // The first answer could not be recorded: the lane went on, but the next claim was refused, so
    // nothing more was sent.
    expect(held.claims).toHaveLength(1);
    expect(fake.gateway.requests).toHaveLength(1);
    expect(run.results.map((r) => r.status)).toEqual([
      'issued',
      'not-reached',
      'not-reached',
      'not-reached',
      'not-reached',
    ]);
  });
});
