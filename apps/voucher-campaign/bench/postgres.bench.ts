// The app's rate with a Postgres journal, for one worker and for three, beside one worker on a file
// journal: each worker a process of its own (bench/worker.ts, the CLI main()), the fake gateway in this process over loopback HTTP. A throwaway
// Postgres server is started (or BENCH_POSTGRES_URL used). Prints figures; never fails on speed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewayCore, startFakeGatewayServer } from '@aopkit/testing/server';
import pg from 'pg';
import { startThrowawayServer } from '../test/throwawayPostgres';

const RECIPIENTS = Number(process.env.BENCH_PG_RECIPIENTS ?? 3000);
const CONCURRENCY = 16;

const dir = mkdtempSync(join(tmpdir(), 'campaign-pg-bench-'));
const server = process.env.BENCH_POSTGRES_URL ? undefined : await startThrowawayServer();
const adminUrl = process.env.BENCH_POSTGRES_URL ?? (server?.url as string);
process.on('exit', () => {
  rmSync(dir, { recursive: true, force: true });
  server?.stop();
});

const gateway = createGatewayCore({ seed: 1 });
gateway.addTemplate({ template_id: 'T_BENCH', type: 'voucher' });
const ids = Array.from({ length: RECIPIENTS }, (_, i) => `2088${String(i + 1).padStart(12, '0')}`);
for (const user_id of ids) gateway.addUser({ user_id });
const app = gateway.registerApp();
const fake = await startFakeGatewayServer({ port: 0, gateway });
const csv = join(dir, 'recipients.csv');
writeFileSync(csv, `user_id\n${ids.join('\n')}\n`);
const worker = join(import.meta.dirname, 'worker.ts');

async function admin<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Runs `workers` worker processes (bench/worker.ts: the CLI's main) on one journal and a fresh campaign; the wall time until all exit. */
async function round(label: string, workers: number, journal: (n: number) => string) {
  const campaign = `bench-${label.replace(/\W+/g, '-')}`;
  const vouchersBefore = gateway.vouchers.length;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const runs = await Promise.all(
    Array.from(
      { length: workers },
      (_, n) =>
        new Promise<{ code: number; cpuMs: number }>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            // biome-ignore format: one option a line would hide the command
            ['--import', 'tsx', worker, 'send', '--template', 'T_BENCH', '--campaign', campaign, '--recipients', csv,
             '--concurrency', String(CONCURRENCY), '--journal', journal(n), '--results', join(dir, `${campaign}-${n}.csv`), '--json'],
            {
              env: {
                ...process.env,
                ALIPAY_APP_ID: app.appId,
                ALIPAY_PRIVATE_KEY: app.privateKey ?? '',
                ALIPAY_PUBLIC_KEY: gateway.alipayPublicKey,
                ALIPAY_GATEWAY: fake.url,
              },
              stdio: ['ignore', 'pipe', 'inherit'],
            },
          );
          let out = '';
          child.stdout.on('data', (chunk) => {
            out += chunk;
          });
          child.on('error', reject);
          child.on('exit', () => {
            try {
              resolve(JSON.parse(out));
            } catch {
              reject(new Error(`a worker exited without its result: ${out}`));
            }
          });
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await gateway.idle();
  const issued = gateway.vouchers.length - vouchersBefore;
  const appCpuMs = runs.reduce((n, r) => n + r.cpuMs, 0);
  const perSend = (ms: number) => (ms / RECIPIENTS).toFixed(2);
  console.log(
    `  ${label.padEnd(30)} ${(RECIPIENTS / seconds).toFixed(0).padStart(5)} sends/s  (${seconds.toFixed(1)} s wall, ` +
      `app CPU ${perSend(appCpuMs)} ms/send (all workers, startup included), ` +
      `fake CPU ${perSend((cpu.user + cpu.system) / 1000)} ms/send; exit ${runs.map((r) => r.code).join('/')}, ${issued} vouchers)`,
  );
}

/** A fresh database on the server for one round. */
async function database(name: string): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

console.log(
  `voucher-campaign Postgres bench: ${RECIPIENTS} recipients, concurrency ${CONCURRENCY} per worker, ` +
    'workers are processes of their own running the CLI main() (startup included), the fake in the bench process',
);
await round('file journal, 1 worker', 1, () => join(dir, 'bench.journal.jsonl'));
const one = await database('vc_bench_one');
await round('postgres journal, 1 worker', 1, () => one);
const three = await database('vc_bench_three');
await round('postgres journal, 3 workers', 3, () => three);
await fake.close();
process.exit(0);
