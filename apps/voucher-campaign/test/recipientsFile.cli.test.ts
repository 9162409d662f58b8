import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE, useCampaignFake } from './helpers/campaignFake';
import { run } from './helpers/cli';
import { tempDir } from './helpers/files';

const fake = useCampaignFake();

describe('real-world recipients files, through the command', () => {
  it('sends to the Chinese taobao_nick of a GBK file with --encoding gbk; refuses it without (exit 2, nothing sent)', async () => {
    fake.gateway.addUser({ user_id: '2088000000000777', taobao_nick: '张三' });
    const dir = tempDir();
    const csv = join(dir, 'excel.csv');
    // "taobao_nick\r\n张三\r\n" as Excel saves it on a Chinese Windows (GBK).
    writeFileSync(csv, Buffer.from([...Buffer.from('taobao_nick\r\n'), 0xd5, 0xc5, 0xc8, 0xfd, 0x0d, 0x0a]));
    const argv = ['send', '--template', TEMPLATE, '--recipients', csv, '--results', join(dir, 'r.csv')];

    const refused = await run([...argv, '--json'], fake.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/line 2 is not valid UTF-8; this looks like GBK .*pass --encoding gbk/);
    expect(fake.gateway.requests).toHaveLength(0);

    const sent = await run([...argv, '--encoding', 'gbk', '--json'], fake.env);
    expect(sent.code).toBe(0);
    expect(fake.gateway.vouchers.map((v) => v.user_id)).toEqual(['2088000000000777']);
  });

  it('refuses a file with an unknown column before sending anything (exit 2)', async () => {
    const dir = tempDir();
    const csv = join(dir, 'r.csv');
    writeFileSync(csv, 'user_id,memo\n2088000000000001,happy new year\n');
    const out = await run(
      ['send', '--template', TEMPLATE, '--recipients', csv, '--results', join(dir, 'o.csv')],
      fake.env,
    );
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/a column the app does not know: "memo"/);
    expect(fake.gateway.requests).toHaveLength(0);
  });
});
