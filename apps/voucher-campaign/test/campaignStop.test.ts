import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPIRED, TEMPLATE, useCampaignFake, userId } from './helpers/campaignFake';
import { run } from './helpers/cli';
import { tempDir, writeCsv } from './helpers/files';

const fake = useCampaignFake();

function setup() {
  const dir = tempDir();
  const csv = writeCsv(dir, ['user_id', ...Array.from({ length: 30 }, (_, i) => userId(i + 1))]);
  const argv = (template: string, ...extra: string[]) => [
    'send',
    '--template',
    template,
    '--recipients',
    csv,
    '--journal',
    join(dir, 'j.jsonl'),
    '--results',
    join(dir, 'r.csv'),
    '--retry-delay-ms',
    '1',
    ...extra,
  ];
  return { gateway: fake.gateway, env: fake.env, argv };
}

describe('an answer every recipient would get stops the campaign', () => {
  it('TEMPLATE_EXPIRED: no more sends after the first answer; the summary says why; exit 3; a rerun sends all', async () => {
    const t = setup();
    const out = await run(t.argv(EXPIRED, '--concurrency', '4', '--json'), t.env);
    expect(out.code).toBe(3);
    // Only the sends already in flight when the first answer came: at most the concurrency.
    expect(t.gateway.requests.length).toBeGreaterThanOrEqual(1);
    expect(t.gateway.requests.length).toBeLessThanOrEqual(4);
    const summary = JSON.parse(out.stdout);
    expect(summary).toMatchObject({
      ok: false,
      issued: 0,
      stopped_by: { code: '40004', sub_code: 'TEMPLATE_EXPIRED', line: 2 },
      failed_by_sub_code: { TEMPLATE_EXPIRED: t.gateway.requests.length },
      not_reached: 30 - t.gateway.requests.length,
    });
    expect(out.stderr).toMatch(/CAMPAIGN STOPPED at line 2: the gateway answered 40004 TEMPLATE_EXPIRED/);

    // The template is extended: the same command sends everyone, the stopped rows included.
    t.gateway.addTemplate({ template_id: EXPIRED, type: 'voucher' });
    const again = await run(t.argv(EXPIRED, '--json'), t.env);
    expect(again.code).toBe(0);
    expect(t.gateway.vouchers).toHaveLength(30);
  });

  it('a scripted TEMPLATE_NOT_EXIST mid-run stops it; the text summary names it', async () => {
    const t = setup();
    // Five vouchers go out, then the template is gone.
    for (let i = 0; i < 5; i++) t.gateway.nextCall({ latencyMs: 0 });
    t.gateway.nextCall({ sub_code: 'TEMPLATE_NOT_EXIST' });
    const out = await run(t.argv(TEMPLATE, '--concurrency', '1'), t.env);
    expect(out.code).toBe(3);
    expect(t.gateway.requests).toHaveLength(6);
    expect(t.gateway.vouchers).toHaveLength(5);
    expect(out.stdout).toMatch(/^not reached \(campaign stopped\) +24$/m);
    expect(out.stdout).toMatch(/^CAMPAIGN STOPPED at line 7: the gateway answered 40004 TEMPLATE_NOT_EXIST/m);
  });

  it("the app's permissions (40006) stop it; a 40004 sub code the spec does not declare does not", async () => {
    const t = setup();
    t.gateway.nextCall({ sub_code: 'isv.insufficient-isv-permissions' });
    const out = await run(t.argv(TEMPLATE, '--concurrency', '1', '--json'), t.env);
    expect(out.code).toBe(3);
    expect(JSON.parse(out.stdout).stopped_by).toMatchObject({ code: '40006', line: 2 });
    expect(t.gateway.requests).toHaveLength(1);

    await fake.reset(); // a fresh gateway for a second campaign
    const u = setup();
    u.gateway.nextCall({ code: '40004', msg: 'Business Failed', sub_code: 'USER_QUOTA_REACHED' });
    const unknown = await run(u.argv(TEMPLATE, '--concurrency', '1', '--json'), u.env);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({
      issued: 29,
      failed_by_sub_code: { USER_QUOTA_REACHED: 1 },
    });
  });

  it('an answer about one recipient (USER_STATUS_ERROR) does not stop it', async () => {
    const t = setup();
    for (let i = 0; i < 3; i++) t.gateway.nextCall({ latencyMs: 0 });
    t.gateway.nextCall({ sub_code: 'USER_STATUS_ERROR' });
    const out = await run(t.argv(TEMPLATE, '--concurrency', '1', '--json'), t.env);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({ issued: 29, stopped_by: null, not_reached: 0 });
  });
});

describe('retryable failures left at the end', () => {
  it('get a final pass: retries exhausted on one recipient still end a clean run with exit 0', async () => {
    const t = setup();
    // The first recipient's three attempts (--max-retries 2) all meet a busy system.
    for (let i = 0; i < 3; i++) t.gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    const out = await run(t.argv(TEMPLATE, '--concurrency', '1', '--max-retries', '2', '--json'), t.env);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, issued: 30, failed: 0 });
    expect(t.gateway.requests).toHaveLength(33);
    expect(t.gateway.vouchers).toHaveLength(30);
  });

  it('fail for good only when the final pass fails too', async () => {
    const t = setup();
    for (let i = 0; i < 2; i++) t.gateway.nextCall({ sub_code: 'SYSTEM_ERROR' }); // first pass, 2 attempts
    const out = await run(t.argv(TEMPLATE, '--concurrency', '1', '--max-retries', '1', '--json'), t.env);
    expect(out.code).toBe(0);
    await fake.reset(); // a fresh gateway for a second campaign
    const t2 = setup();
    // 2 attempts in the first pass, then (after 29 successes) the final pass's 2 attempts.
    for (let i = 0; i < 2; i++) t2.gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    for (let i = 0; i < 29; i++) t2.gateway.nextCall({ latencyMs: 0 });
    for (let i = 0; i < 2; i++) t2.gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    const failed = await run(t2.argv(TEMPLATE, '--concurrency', '1', '--max-retries', '1', '--json'), t2.env);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({
      issued: 29,
      failed: 1,
      failed_by_sub_code: { SYSTEM_ERROR: 1 },
    });
    expect(t2.gateway.requests).toHaveLength(33);
  });
});
