import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE, useCampaignFake, userId } from './helpers/campaignFake';
import { run } from './helpers/cli';
import { tempDir, writeCsv } from './helpers/files';
import { freshDatabase } from './postgres';

// The CLI in this process against the fake's MSW handlers, with a Postgres journal.
const fake = useCampaignFake();

async function setup() {
  const dir = tempDir();
  const url = await freshDatabase();
  const csv = writeCsv(dir, [
    'user_id',
    ...Array.from({ length: 5 }, (_, i) => userId(i + 1)),
    '2088999999999999',
  ]);
  const send = ['send', '--template', TEMPLATE, '--recipients', csv, '--results', join(dir, 'r.csv')];
  return { gateway: fake.gateway, dir, url, csv, send, env: { ...fake.env, VOUCHER_CAMPAIGN_JOURNAL: url } };
}

describe('send with a Postgres journal', () => {
  it('records into the database named by VOUCHER_CAMPAIGN_JOURNAL; a rerun sends nothing again', async () => {
    const t = await setup();
    const first = await run([...t.send, '--json'], t.env);
    expect(JSON.parse(first.stdout)).toMatchObject({
      issued: 5,
      failed: 1,
      journal: expect.stringMatching(/^postgres:\/\//),
    });
    const second = await run([...t.send, '--json'], t.env);
    expect(JSON.parse(second.stdout)).toMatchObject({ issued: 0, already_issued: 5, failed: 1 });
    expect(t.gateway.vouchers).toHaveLength(5);
    // A dry run reads the database too.
    const dry = await run([...t.send, '--dry-run', '--json'], t.env);
    expect(JSON.parse(dry.stdout)).toMatchObject({ would_send: 0, already_issued: 5 });
  });

  it('--journal wins over the variable, and another campaign in the same database is refused (exit 2)', async () => {
    const t = await setup();
    const file = join(t.dir, 'not-used.jsonl');
    const out = await run([...t.send, '--journal', t.url, '--json'], {
      ...t.env,
      VOUCHER_CAMPAIGN_JOURNAL: file,
    });
    expect(JSON.parse(out.stdout)).toMatchObject({ issued: 5 });
    expect(existsSync(file)).toBe(false);
    const other = await run([...t.send, '--journal', t.url, '--memo', 'other'], t.env);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/belongs to another campaign: its memo is null, this run's is "other"/);
  });
});

describe('voucher-campaign status', () => {
  it('prints the progress of a campaign from the database, as a table and as JSON', async () => {
    const t = await setup();
    await run(t.send, t.env);
    const json = await run(['status', '--json'], t.env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      campaign: TEMPLATE,
      recipients: 6,
      issued: 5,
      failed: 1,
      failed_by_sub_code: { USER_STATUS_ERROR: 1 },
      to_resend: 0,
      in_flight: 0,
      not_sent: 0,
      sends: 6,
      workers: [],
      finished: true,
    });
    const text = await run(['status', '--journal', t.url, '--campaign', TEMPLATE], {});
    expect(text.stdout).toMatch(/^issued +5 {2}\(83\.3%\)$/m);
    expect(text.stdout).toMatch(/^finished +yes$/m);
  });

  it('asks which campaign when the database holds several; refuses unknown options (exit 2)', async () => {
    const t = await setup();
    await run(t.send, t.env);
    await run([...t.send, '--campaign', 'second'], t.env);
    const out = await run(['status'], t.env);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`name the campaign with --campaign (it holds "${TEMPLATE}", "second")`);
    expect((await run(['status', '--campaign', 'second', '--json'], t.env)).code).toBe(0);
    expect((await run(['status', '--campaign', 'nope'], t.env)).stderr).toContain('has no campaign "nope"');
    expect((await run(['status', '--rate', '5'], t.env)).code).toBe(2);
    expect((await run(['status'], {})).stderr).toContain(
      'status needs --journal (or VOUCHER_CAMPAIGN_JOURNAL)',
    );
  });

  it('reads a file journal too', async () => {
    const t = await setup();
    const journal = join(t.dir, 'j.jsonl');
    await run([...t.send, '--journal', journal], t.env);
    const out = await run(['status', '--journal', journal, '--json'], {});
    expect(JSON.parse(out.stdout)).toMatchObject({
      campaign: TEMPLATE,
      issued: 5,
      failed: 1,
      recipients: null,
    });
  });
});
