import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE, useCampaignFake, userId } from './helpers/campaignFake';
import { run } from './helpers/cli';
import { tempDir, writeCsv } from './helpers/files';

// 40% of the calls fail (busy, dropped before or after issuing), reproducibly.
const fake = useCampaignFake({ faults: { rate: 0.4 }, seed: 42 });

function setup() {
  const dir = tempDir();
  return { gateway: fake.gateway, env: fake.env, dir, results: join(dir, 'results.csv') };
}

const fast = ['--retry-delay-ms', '1', '--json'];

describe('voucher-campaign send', () => {
  it('retries through injected faults and still issues exactly one voucher per recipient', async () => {
    const t = setup();
    const ids = Array.from({ length: 30 }, (_, i) => userId(i + 1));
    const csv = writeCsv(t.dir, ['user_id', ...ids]);
    const argv = [
      'send',
      '--template',
      TEMPLATE,
      '--recipients',
      csv,
      '--results',
      t.results,
      '--max-retries',
      '12',
    ];
    const out = await run([...argv, ...fast], t.env);

    expect(out.code).toBe(0);
    expect(t.gateway.requests.length).toBeGreaterThan(ids.length); // faults happened and were retried
    expect(t.gateway.vouchers.map((v) => v.user_id).sort()).toEqual(ids);
  });
});
