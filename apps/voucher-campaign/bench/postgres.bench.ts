// The app's rate with a Postgres journal, for one worker and for three, beside one worker on a file
// journal: each worker a process of its own (bench/worker.ts, the CLI main()), the fake gateway in this
// process over loopback HTTP. A throwaway Postgres server is started (or BENCH_POSTGRES_URL used).
// The ceiling of each is the client alone in as many processes (bench/clientWorker.ts), same fake, same
// concurrency. No target: on two cores the workers compete with the fake and Postgres for the CPU.
// Ends with measured / target / ceiling lines; never fails on speed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewayCore, startFakeGatewayServer } from '@aopkit/testing/server';
import pg from 'pg';
import { printTargets } from '../../../bench/printTargets.js';
import { startThrowawayServer } from '../test/throwawayPostgres';

const RECIPIENTS = Number(process.env.BENCH_PG_RECIPIENTS ?? 1500);
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
const clientWorker = join(import.meta.dirname, 'clientWorker.ts');

async function admin<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The arguments of campaign worker `n` (bench/worker.ts: the CLI's main) on `journal`. */
function campaignWorker(campaign: string, journal: string, n: number): string[] {
  // biome-ignore format: one option a line would hide the command
  return [worker, 'send', '--template', 'T_BENCH', '--campaign', campaign, '--recipients', csv,
    '--concurrency', String(CONCURRENCY), '--journal', journal, '--results', join(dir, `${campaign}-${n}.csv`), '--json'];
}

/** The arguments of the client alone in `of` processes, process `n` sending its share of the recipients. */
function clientAlone(label: string, of: number, n: number): string[] {
  const share = Math.ceil(RECIPIENTS / of);
  const from = n * share;
  const count = Math.min(share, RECIPIENTS - from);
  return [clientWorker, label, String(from + 1), String(count), String(CONCURRENCY)];
}

/** Runs one process per `argv` at once (each prints `{ code, cpuMs }`); the rate until all exit. */
async function round(label: string, argvs: readonly string[][]): Promise<number> {
  const vouchersBefore = gateway.vouchers.length;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const runs = await Promise.all(argvs.map((argv) => runProcess(argv)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await gateway.idle();
  const issued = gateway.vouchers.length - vouchersBefore;
  const appCpuMs = runs.reduce((n, r) => n + r.cpuMs, 0);
  const perSend = (ms: number) => (ms / RECIPIENTS).toFixed(2);
  console.log(
    `  ${label.padEnd(34)} ${(RECIPIENTS / seconds).toFixed(0).padStart(5)} sends/s  (${seconds.toFixed(1)} s wall, ` +
      `CPU ${perSend(appCpuMs)} ms/send (all processes, startup included), ` +
      `fake CPU ${perSend((cpu.user + cpu.system) / 1000)} ms/send; exit ${runs.map((r) => r.code).join('/')}, ${issued} vouchers)`,
  );
  return RECIPIENTS / seconds;
}

function runProcess(argv: readonly string[]): Promise<{ code: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...argv], {
      env: {
        ...process.env,
        ALIPAY_APP_ID: app.appId,
        ALIPAY_PRIVATE_KEY: app.privateKey ?? '',
        ALIPAY_PUBLIC_KEY: gateway.alipayPublicKey,
        ALIPAY_GATEWAY: fake.url,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
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
  });
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
/** A name for the round's campaign and out_biz_nos, from its label. */
const slug = (label: string) => `bench-${label.replace(/\W+/g, '-')}`;
const campaign = (label: string, workers: number, journal: string) =>
  round(
    label,
    Array.from({ length: workers }, (_, n) => campaignWorker(slug(label), journal, n)),
  );
const alone = (label: string, processes: number) =>
  round(
    label,
    Array.from({ length: processes }, (_, n) => clientAlone(slug(label), processes, n)),
  );
const aloneOne = await alone('client alone, 1 process', 1);
const file = await campaign('file journal, 1 worker', 1, join(dir, 'bench.journal.jsonl'));
const pgOne = await campaign('postgres journal, 1 worker', 1, await database('vc_bench_one'));
const aloneThree = await alone('client alone, 3 processes', 3);
const pgThree = await campaign('postgres journal, 3 workers', 3, await database('vc_bench_three'));
printTargets([
  { what: 'file journal, 1 worker, sends/s', measured: file, ceiling: aloneOne, unit: '', digits: 0 },
  { what: 'postgres journal, 1 worker, sends/s', measured: pgOne, ceiling: aloneOne, unit: '', digits: 0 },
  {
    what: 'postgres journal, 3 workers, sends/s',
    measured: pgThree,
    ceiling: aloneThree,
    unit: '',
    digits: 0,
  },
]);
await fake.close();
process.exit(0);
