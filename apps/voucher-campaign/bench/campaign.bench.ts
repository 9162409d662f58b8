// 10,000 recipients against the in-process fake gateway (MSW), beside the signer's own sign/s ceiling
// measured in the same run on the same machine. Prints figures; never fails on speed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSigner } from '@aopkit/signer';
import { createFakeGateway } from '@aopkit/testing';
import { setupServer } from 'msw/node';
import { main } from '../src/main';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const CONCURRENCY = 32;

const gateway = createFakeGateway({ seed: 1 });
gateway.addTemplate({ template_id: 'T_BENCH', type: 'voucher' });
const ids = Array.from({ length: RECIPIENTS }, (_, i) => `2088${String(i + 1).padStart(12, '0')}`);
for (const user_id of ids) gateway.addUser({ user_id });
const app = gateway.registerApp();
// Not the tests' tempDir(): that one needs a running vitest test to clean up after.
const dir = mkdtempSync(join(tmpdir(), 'campaign-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'recipients.csv');
writeFileSync(csv, `user_id\n${ids.join('\n')}\n`);

// The ceiling: how fast this machine signs the same kind of request, one at a time and with both cores.
const signer = createSigner({ privateKey: app.privateKey ?? '' });
const params = {
  app_id: app.appId,
  method: 'alipay.marketing.voucher.send',
  charset: 'utf-8',
  sign_type: 'RSA2',
  timestamp: '2026-11-25 12:00:00',
  version: '1.0',
  biz_content: JSON.stringify({ template_id: 'T_BENCH', out_biz_no: 'vc_0123456789', user_id: ids[0] }),
};
async function signRate(inFlight: number, ms = 2000): Promise<number> {
  let n = 0;
  const end = performance.now() + ms;
  const lane = async () => {
    while (performance.now() < end) {
      await signer.sign(params);
      n++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  return n / ((performance.now() - start) / 1000);
}
const signOne = await signRate(1);
const signAll = await signRate(16);

const server = setupServer(...gateway.handlers);
server.listen({ onUnhandledRequest: 'error' });
const out: string[] = [];
const started = performance.now();
const code = await main(
  [
    'send',
    '--template',
    'T_BENCH',
    '--recipients',
    csv,
    '--concurrency',
    String(CONCURRENCY),
    '--json',
    '--results',
    join(dir, 'results.csv'),
  ],
  {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: () => true },
    env: {
      ALIPAY_APP_ID: app.appId,
      ALIPAY_PRIVATE_KEY: app.privateKey ?? '',
      ALIPAY_PUBLIC_KEY: gateway.alipayPublicKey,
    },
  },
);
const seconds = (performance.now() - started) / 1000;
server.close();
const summary = JSON.parse(out.join(''));

const sendsPerSecond = summary.issued / seconds;
console.log(`voucher-campaign bench: ${RECIPIENTS} recipients, concurrency ${CONCURRENCY}, exit ${code}`);
console.log(
  `  issued ${summary.issued}, failed ${summary.failed}, vouchers in the fake ${gateway.vouchers.length}`,
);
console.log(`  campaign:            ${sendsPerSecond.toFixed(0)} sends/s (${seconds.toFixed(1)} s)`);
console.log(
  `  signer ceiling:      ${signOne.toFixed(0)} sign/s on one core, ${signAll.toFixed(0)} sign/s on both`,
);
console.log('  (each send signs twice in this process — the client its request, the fake its answer —');
console.log(
  `   so the in-process ceiling is about ${(signAll / 2).toFixed(0)} sends/s; campaign reaches ${((sendsPerSecond / (signAll / 2)) * 100).toFixed(0)}% of it)`,
);
