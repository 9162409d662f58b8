// `pnpm bench`: a campaign of 4,000 recipients (BENCH_RECIPIENTS) against the fake gateway in a child
// process (loopback HTTP), beside the client alone sending as many vouchers at the same concurrency.
// Ends with measured / target / ceiling lines: the app's sends/s (target ≥ 0.8× the client alone, whose
// rate is the ceiling) and its CPU per send beside the client alone's. Never fails on speed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createAlipayClient } from '@aopkit/client';
import { printTargets } from '../../../bench/printTargets.js';
import { main } from '../src/main';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 4_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WARMUP = Math.min(2000, RECIPIENTS);
const TARGET = 0.8;

const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, 'gatewayProcess.ts'), String(RECIPIENTS)],
  { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
);
const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'campaign-bench-'));
process.on('exit', () => {
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});
const first = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout }).once('line', resolve);
  child.once('exit', (code) => reject(new Error(`the fake gateway process exited (${code})`)));
});
const fake = JSON.parse(first) as { url: string; appId: string; privateKey: string; alipayPublicKey: string };
const ids = Array.from({ length: RECIPIENTS }, (_, i) => `2088${String(i + 1).padStart(12, '0')}`);

interface Measure {
  readonly seconds: number;
  readonly cpuMs: number;
  readonly sends: number;
}
async function measure(sends: number, run: () => Promise<unknown>): Promise<Measure> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - start) / 1000, cpuMs: (used.user + used.system) / 1000, sends };
}

// The client alone: CONCURRENCY lanes sending one voucher after another, nothing else.
const client = createAlipayClient({
  appId: fake.appId,
  privateKey: fake.privateKey,
  alipayPublicKey: fake.alipayPublicKey,
  gateway: fake.url,
});
async function clientOnly(prefix: string, count: number) {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await client.marketing.voucher.send({
        template_id: 'T_BENCH',
        out_biz_no: `${prefix}_${i}`,
        user_id: ids[i] as string,
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

await clientOnly('warmup', WARMUP); // JIT, keep-alive sockets, the fake's own warm-up
// The client alone before and after the app, so that a machine busy with something else for a while
// weighs on both sides alike.
const before = await measure(RECIPIENTS, () => clientOnly('before', RECIPIENTS));

const csv = join(dir, 'recipients.csv');
writeFileSync(csv, `user_id\n${ids.join('\n')}\n`);
const out: string[] = [];
let code = -1;
const app = await measure(RECIPIENTS, async () => {
  code = await main(
    [
      'send',
      '--template',
      'T_BENCH',
      '--recipients',
      csv,
      '--concurrency',
      String(CONCURRENCY),
      '--json',
      '--journal',
      join(dir, 'journal.jsonl'),
      '--results',
      join(dir, 'results.csv'),
    ],
    {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: () => true },
      env: {
        ALIPAY_APP_ID: fake.appId,
        ALIPAY_PRIVATE_KEY: fake.privateKey,
        ALIPAY_PUBLIC_KEY: fake.alipayPublicKey,
        ALIPAY_GATEWAY: fake.url,
      },
    },
  );
});
const summary = JSON.parse(out.join('')) as { issued: number; failed: number };
const after = await measure(RECIPIENTS, () => clientOnly('after', RECIPIENTS));
const alone: Measure = {
  seconds: before.seconds + after.seconds,
  cpuMs: before.cpuMs + after.cpuMs,
  sends: before.sends + after.sends,
};

const rate = (m: Measure) => m.sends / m.seconds;
const perSend = (m: Measure) => m.cpuMs / m.sends;
const ratio = rate(app) / rate(alone);
console.log(
  `voucher-campaign bench: ${RECIPIENTS} recipients, concurrency ${CONCURRENCY}, fake gateway in a child process over loopback`,
);
console.log(`  app: exit ${code}, issued ${summary.issued}, failed ${summary.failed}`);
console.log(
  `  client alone: ${rate(alone).toFixed(0)} sends/s, ${perSend(alone).toFixed(2)} ms CPU per send (${rate(before).toFixed(0)} before the app, ${rate(after).toFixed(0)} after)`,
);
console.log(
  `  app:          ${rate(app).toFixed(0)} sends/s, ${perSend(app).toFixed(2)} ms CPU per send (${app.seconds.toFixed(1)} s; recipients file, journal and results included)`,
);
// The client alone runs before and after the app; when the two differ much, the machine's load changed
// during the run and the ratio (even above its ceiling) says more about that than about the app.
const drift = Math.max(rate(before), rate(after)) / Math.min(rate(before), rate(after));
if (drift > 1.25) {
  console.log(
    `  note: the client alone went from ${rate(before).toFixed(0)} to ${rate(after).toFixed(0)} sends/s during the run ` +
      '(other load on the machine): rerun on a quiet machine before trusting the ratio',
  );
}
printTargets([
  {
    what: 'app sends/s (ceiling: the client alone)',
    measured: rate(app),
    target: { atLeast: TARGET * rate(alone) },
    ceiling: rate(alone),
    unit: '',
    digits: 0,
  },
  { what: 'app sends/s ÷ client alone', measured: ratio, target: { atLeast: TARGET }, ceiling: 1, unit: '×' },
  // No target of its own: it says whether a rate below target is the app's CPU (journal, pool,
  // limiter, results) or its waiting (fsync, the fake); the client alone's is the least it can be.
  {
    what: "app CPU per send (ceiling: the client alone's)",
    measured: perSend(app),
    ceiling: perSend(alone),
    unit: ' ms',
  },
]);

process.exit(0);
