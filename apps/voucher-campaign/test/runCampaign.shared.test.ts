import { createAlipayClient } from '@aopkit/client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { outBizNo } from '../src/outBizNo';
import { PgJournal } from '../src/pgJournal';
import { runCampaign } from '../src/runCampaign';
import { TEMPLATE, useCampaignFake, userId } from './helpers/campaignFake';
import { freshDatabase } from './postgres';

const fake = useCampaignFake();

describe('runCampaign with a shared journal', () => {
  it('waits for a recipient another worker holds, without spending the rate on it, and reports its voucher', async () => {
    const url = await freshDatabase();
    const header = { campaign: 'shared', template_id: TEMPLATE };
    const other = await PgJournal.open(url, header);
    const mine = await PgJournal.open(url, header);
    onTestFinished(async () => {
      await other.close().catch(() => {});
      await mine.close().catch(() => {});
    });
    const held = { field: 'user_id', value: userId(1) } as const;
    const heldKey = outBizNo(header.campaign, TEMPLATE, held);
    await other.enroll([heldKey]);
    expect((await other.claim(heldKey)).kind).toBe('claimed');
    // The other worker answers after a second.
    const voucher = { status: 'issued', voucher_id: 'V_OTHER', user_id: userId(1) } as const;
    setTimeout(() => void other.record({ out_biz_no: heldKey, outcome: voucher }), 1000);
    let slots = 0;
    const client = createAlipayClient(fake.clientOptions);

    const run = await runCampaign(
      {
        recipients: [
          { line: 2, identity: held },
          { line: 3, identity: { field: 'user_id', value: userId(2) } },
        ],
        skipped: [],
      },
      { ...header, concurrency: 2 },
      { client, journal: mine, limiter: { acquire: async () => void slots++ } },
    );

    expect(run.results.map((r) => [r.line, r.status, r.voucher_id ?? ''])).toEqual([
      [2, 'already-issued', 'V_OTHER'],
      [3, 'issued', expect.any(String)],
    ]);
    // One send, one slot: asking again (about five times) for the held recipient spent none.
    expect(fake.gateway.requests).toHaveLength(1);
    expect(slots).toBe(1);
  });
});
