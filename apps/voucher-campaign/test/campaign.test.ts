import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { outBizNo } from '../src/outBizNo';
import { EXPIRED, RED_PACKET, TEMPLATE, useCampaignFake, userId } from './helpers/campaignFake';
import { run } from './helpers/cli';
import { tempDir, writeCsv } from './helpers/files';

// The way we tell users to test their apps: setupFakeGateway, the fake behind MSW in this process.
// (Seeded faults are fixed when the fake is made: the test with faults has a file of its own.)
const fake = useCampaignFake();

function setup() {
  const dir = tempDir();
  const { gateway, app, env } = fake;
  return { gateway, app, env, dir, results: join(dir, 'results.csv'), journal: join(dir, 'journal.jsonl') };
}

const fast = ['--retry-delay-ms', '1', '--json'];

/** A send of TEMPLATE that keeps a journal and a results file in the test's directory. */
function journaled(t: ReturnType<typeof setup>, csv: string): string[] {
  return [
    'send',
    '--template',
    TEMPLATE,
    '--recipients',
    csv,
    '--journal',
    t.journal,
    '--results',
    t.results,
  ];
}

describe('voucher-campaign send', () => {
  it('issues one voucher per recipient, by user_id, login_id and taobao_nick', async () => {
    const t = setup();
    t.gateway.addUser({ user_id: '2088000000000777', taobao_nick: 'nick777' });
    const csv = writeCsv(t.dir, [
      'user_id,login_id,taobao_nick',
      `${userId(1)},,`,
      ',13900000002,',
      ',,nick777',
    ]);
    const out = await run(
      ['send', '--template', TEMPLATE, '--recipients', csv, '--results', t.results, ...fast],
      t.env,
    );

    expect(out.code).toBe(0);
    const summary = JSON.parse(out.stdout);
    expect(summary).toMatchObject({ ok: true, issued: 3, failed: 0, recipients: 3 });
    expect(t.gateway.vouchers.map((v) => v.user_id).sort()).toEqual([
      userId(1),
      userId(2),
      '2088000000000777',
    ]);
    const rows = parse(readFileSync(t.results), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.status)).toEqual(['issued', 'issued', 'issued']);
    expect(rows.map((r) => r.voucher_id).sort()).toEqual(t.gateway.vouchers.map((v) => v.voucher_id).sort());
  });

  it('reports business errors per row and still issues the rest', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, [
      'user_id,taobao_nick',
      `${userId(3)},`,
      '2088123412341234,',
      ',frozen_nick',
    ]);
    const out = await run(
      ['send', '--template', TEMPLATE, '--recipients', csv, '--results', t.results, ...fast],
      t.env,
    );

    expect(out.code).toBe(1);
    const summary = JSON.parse(out.stdout);
    expect(summary).toMatchObject({ issued: 1, failed: 2, ok: false });
    expect(summary.failed_by_sub_code).toEqual({ USER_NOT_EXIST: 1, USER_STATUS_ERROR: 1 });
    expect(t.gateway.vouchers).toHaveLength(1);
  });

  // Issue #16 changed this: an expired template now stops the campaign after its first answer (it
  // failed every row before, one doomed request each); see campaignStop.test.ts.
  it('stops at the first TEMPLATE_EXPIRED, without retrying, exit 3', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id', userId(1), userId(2)]);
    const out = await run(
      [
        'send',
        '--template',
        EXPIRED,
        '--recipients',
        csv,
        '--results',
        t.results,
        '--concurrency',
        '1',
        ...fast,
      ],
      t.env,
    );
    expect(out.code).toBe(3);
    expect(JSON.parse(out.stdout)).toMatchObject({
      failed_by_sub_code: { TEMPLATE_EXPIRED: 1 },
      not_reached: 1,
    });
    expect(t.gateway.requests).toHaveLength(1);
  });

  it('sends a red packet amount in #.00 form', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id', userId(4)]);
    const argv = [
      'send',
      '--template',
      RED_PACKET,
      '--amount',
      '9.99',
      '--recipients',
      csv,
      '--results',
      t.results,
    ];
    const out = await run([...argv, ...fast], t.env);
    expect(out.code).toBe(0);
    expect(t.gateway.vouchers[0]?.amount).toBe('9.99');
  });

  it('skips invalid rows, reports their line numbers, and never sends them', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id,login_id', `${userId(5)},`, ',', `${'9'.repeat(17)},`]);
    const out = await run(
      ['send', '--template', TEMPLATE, '--recipients', csv, '--results', t.results, ...fast],
      t.env,
    );
    expect(out.code).toBe(1);
    const summary = JSON.parse(out.stdout);
    expect(summary.skipped_rows.map((r: { line: number }) => r.line)).toEqual([3, 4]);
    expect(t.gateway.requests).toHaveLength(1);
    const rows = parse(readFileSync(t.results), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      ['2', 'issued'],
      ['3', 'skipped'],
      ['4', 'skipped'],
    ]);
  });

  it('sends nothing on --dry-run and writes no journal', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id', userId(1), userId(2)]);
    const argv = ['send', '--template', TEMPLATE, '--recipients', csv, '--journal', t.journal, '--dry-run'];
    const out = await run([...argv, '--results', t.results, ...fast], t.env);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ would_send: 2, issued: 0 });
    expect(t.gateway.requests).toHaveLength(0);
    expect(existsSync(t.journal)).toBe(false);
  });

  it('resumes from its journal without sending what was confirmed', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id', userId(1), userId(2), userId(3)]);
    const argv = journaled(t, csv);
    expect((await run([...argv, ...fast], t.env)).code).toBe(0);
    const sent = t.gateway.requests.length;

    const again = await run([...argv, ...fast], t.env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ already_issued: 3, issued: 0 });
    expect(t.gateway.requests).toHaveLength(sent);
    expect(t.gateway.vouchers).toHaveLength(3);
  });

  it('refuses a journal written for other campaign content', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id', userId(1)]);
    const argv = journaled(t, csv);
    expect((await run([...argv, ...fast], t.env)).code).toBe(0);
    const out = await run([...argv, '--memo', 'changed', ...fast], t.env);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/belongs to another campaign: its memo/);
  });

  it('names a missing credential without printing any key', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id', userId(1)]);
    const env = { ALIPAY_APP_ID: t.env.ALIPAY_APP_ID, ALIPAY_PUBLIC_KEY: t.env.ALIPAY_PUBLIC_KEY };
    const out = await run(['send', '--template', TEMPLATE, '--recipients', csv, ...fast], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/ALIPAY_PRIVATE_KEY or ALIPAY_PRIVATE_KEY_FILE must be set/);
    expect(out.stderr).not.toContain(t.env.ALIPAY_PUBLIC_KEY.slice(30, 60));
  });
});

describe('one person listed under two identities', () => {
  it('does not send a user_id row when that user already holds a voucher from a login_id row (resume with an enriched file)', async () => {
    const t = setup();
    const argv = (csv: string) => [...journaled(t, csv), '--concurrency', '1', ...fast];
    const first = writeCsv(t.dir, ['user_id,login_id', ',13900000021']);
    expect((await run(argv(first), t.env)).code).toBe(0);

    // The same list, enriched with the user_id: the row's identity (and so its out_biz_no) changes.
    const enriched = writeCsv(t.dir, ['user_id,login_id', `${userId(21)},13900000021`]);
    const out = await run(argv(enriched), t.env);

    expect(t.gateway.vouchers).toHaveLength(1);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ already_issued: 1, issued: 0, duplicate_persons: 0 });
    const rows = parse(readFileSync(t.results), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({
      status: 'already-issued',
      voucher_id: t.gateway.vouchers[0]?.voucher_id,
    });
    expect(rows[0]?.message).toMatch(/already holds voucher .* line 2 \(login_id 13900000021\)/);
  });

  it('does not send a user_id row whose person a login_id row of the same run turned out to be', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id,login_id', ',13900000022', `${userId(22)},`]);
    const out = await run([...journaled(t, csv), '--concurrency', '1', ...fast], t.env);

    expect(t.gateway.vouchers).toHaveLength(1);
    expect(out.code).toBe(0);
    const rows = parse(readFileSync(t.results), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.status)).toEqual(['issued', 'already-issued']);
  });

  it('a user_id row sent in a crashed run (no recorded answer) whose person holds a voucher: not resent, not skipped quietly, exit 1', async () => {
    const t = setup();
    const argv = (csv: string) => [...journaled(t, csv), ...fast];
    expect((await run(argv(writeCsv(t.dir, ['user_id,login_id', ',13900000024'])), t.env)).code).toBe(0);
    const login = parse(readFileSync(t.results), { columns: true })[0] as Record<string, string>;
    // --campaign defaults to the template: the key of the same person's user_id row is this one.
    expect(login.out_biz_no).toBe(outBizNo(TEMPLATE, TEMPLATE, { field: 'login_id', value: '13900000024' }));
    const uidKey = outBizNo(TEMPLATE, TEMPLATE, { field: 'user_id', value: userId(24) });
    // A crash state: that run had sent the user_id row too, and died before recording its answer.
    appendFileSync(
      t.journal,
      `${JSON.stringify({ out_biz_no: uidKey, outcome: { status: 'attempted' } })}\n`,
    );

    const out = await run(
      argv(writeCsv(t.dir, ['user_id,login_id', ',13900000024', `${userId(24)},`])),
      t.env,
    );

    expect(out.code).toBe(1);
    expect(t.gateway.vouchers).toHaveLength(1); // not resent: a resend could issue the second voucher
    const rows = parse(readFileSync(t.results), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.status)).toEqual(['already-issued', 'failed']);
    expect(rows[1]).toMatchObject({ out_biz_no: uidKey, sub_code: 'POSSIBLE_DUPLICATE_PERSON' });
    expect(rows[1]?.message).toContain(`check this out_biz_no at Alipay`);
  });

  it('reports a person who got a second voucher (user_id row, then login_id row) and exits 1', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id,login_id', `${userId(23)},`, ',13900000023']);
    const out = await run([...journaled(t, csv), ...fast], t.env);

    // Unpreventable: nothing tells the app that login_id 13900000023 is user 23 before Alipay answers.
    expect(t.gateway.vouchers).toHaveLength(2);
    expect(out.code).toBe(1);
    const summary = JSON.parse(out.stdout);
    expect(summary).toMatchObject({ ok: false, duplicate_persons: 1 });
    const [first, second] = t.gateway.vouchers.map((v) => v.out_biz_no);
    expect(out.stderr).toMatch(/WARNING: DUPLICATE PERSON: user_id 2088000000000023/);
    expect(out.stderr).toContain(first);
    expect(out.stderr).toContain(second);
    const rows = parse(readFileSync(t.results), { columns: true }) as Record<string, string>[];
    expect(rows[1]?.message).toMatch(/^DUPLICATE PERSON/);
  });
});

describe('refused before anything is sent or written (exit 2)', () => {
  it('a client that cannot be built: bad gateway, bad private key; no key in the message, no journal', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id', userId(1)]);
    const gateway = await run([...journaled(t, csv), ...fast], { ...t.env, ALIPAY_GATEWAY: 'sandbx' });
    expect(gateway.code).toBe(2);
    expect(gateway.stderr).toMatch(/ALIPAY_GATEWAY: .*sandbx/);

    const broken = t.env.ALIPAY_PRIVATE_KEY.slice(0, 300);
    const key = await run([...journaled(t, csv), ...fast], { ...t.env, ALIPAY_PRIVATE_KEY: broken });
    expect(key.code).toBe(2);
    expect(key.stderr).toMatch(/ALIPAY_PRIVATE_KEY: /);
    expect(key.stderr).not.toContain(broken.slice(40, 80));
    expect(key.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(t.journal)).toBe(false);
    expect(t.gateway.requests).toHaveLength(0);
  });

  it('a results file that cannot be written', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id', userId(1)]);
    const argv = ['send', '--template', TEMPLATE, '--recipients', csv, '--journal', t.journal];
    const out = await run([...argv, '--results', join(t.dir, 'missing', 'r.csv'), ...fast], t.env);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/cannot write results .*missing.* does not exist/);
    expect(t.gateway.requests).toHaveLength(0);
    expect(existsSync(t.journal)).toBe(false);
  });

  it('an empty file, a header-only file, a wrong header without rows, a file of invalid rows', async () => {
    const t = setup();
    const cases: [string[], RegExp][] = [
      [[], /no recipients in .*: the file is empty/],
      [['user_id'], /no recipients in .*: it has no rows below its header/],
      [['uid'], /header must name at least one of user_id, login_id, taobao_nick \(found: "uid"\)/],
      [
        ['user_id', '2.088E+15'],
        /no recipients in .*every row was skipped\n {2}line 2: user_id "2.088E\+15"/,
      ],
    ];
    for (const [lines, message] of cases) {
      const csv = join(t.dir, 'r.csv');
      writeFileSync(csv, lines.map((l) => `${l}\n`).join(''));
      const out = await run([...journaled(t, csv), ...fast], t.env);
      expect(out.code, lines.join('|')).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stdout).toBe('');
    }
    expect(existsSync(t.journal)).toBe(false);
  });

  it('a journal of another campaign or with a corrupt line, in a dry run too, without a stack trace', async () => {
    const t = setup();
    const csv = writeCsv(t.dir, ['user_id', userId(1), userId(2)]);
    expect((await run([...journaled(t, csv), ...fast], t.env)).code).toBe(0);

    const foreign = await run([...journaled(t, csv), '--memo', 'other', '--dry-run', ...fast], t.env);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/belongs to another campaign: its memo/);

    const lines = readFileSync(t.journal, 'utf8').split('\n');
    lines[1] = '{"out_biz_no":"vc_x","outc';
    writeFileSync(t.journal, lines.join('\n'));
    for (const extra of [[], ['--dry-run']]) {
      const out = await run([...journaled(t, csv), ...extra, ...fast], t.env);
      expect(out.code, extra.join()).toBe(2);
      expect(out.stderr).toMatch(/line 2/);
      expect(out.stderr).not.toMatch(/^\s+at /m);
    }
    expect(t.gateway.vouchers).toHaveLength(2);
  });
});
