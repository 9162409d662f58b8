import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { CampaignStatus } from '../src/status';
import { TEMPLATE } from './helpers/campaignFake';
import { tempDir, writeCsv } from './helpers/files';
import { startLoopbackGateway } from './helpers/loopbackGateway';
import { freshDatabase } from './postgres';

const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');
// CI runs 900 recipients at a global --rate 30: five kills land while they run, the run takes under a
// minute on 2 shared cores, and three workers unbounded by the shared limiter would clearly exceed it.
// The 5,000: VOUCHER_CAMPAIGN_KILL_TEST_RECIPIENTS=5000 VOUCHER_CAMPAIGN_KILL_TEST_RATE=100 npx vitest run test/multiWorker.test.ts
const RECIPIENTS = Number(process.env.VOUCHER_CAMPAIGN_KILL_TEST_RECIPIENTS ?? 900);
const RATE = Number(process.env.VOUCHER_CAMPAIGN_KILL_TEST_RATE ?? 30);
const WORKERS = 3;
const KILLS = 5;

/** A small seeded PRNG (mulberry32): the kill moments are random, and the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('three workers on one Postgres journal, SIGKILLed at random moments and restarted', () => {
  it(
    'every recipient ends with exactly one voucher, and status agrees',
    async () => {
      const fake = await startLoopbackGateway({ faults: { rate: 0.2 }, seed: 16 });
      onTestFinished(() => fake.server.close());
      const ids = Array.from(
        { length: RECIPIENTS },
        (_, i) => `2088${String(1_000_000 + i).padStart(12, '0')}`,
      );
      for (const user_id of ids) fake.gateway.addUser({ user_id });
      const url = await freshDatabase();
      const dir = tempDir();
      const csv = writeCsv(dir, ['user_id', ...ids]);
      const env = { ...process.env, ...fake.env, VOUCHER_CAMPAIGN_JOURNAL: url };
      const cliArgs = (n: number) =>
        // biome-ignore format: one option a line would hide the command
        ['send', '--template', TEMPLATE, '--recipients', csv, '--results', join(dir, `results-${n}.csv`),
       '--concurrency', '6', '--rate', String(RATE), '--max-retries', '12', '--retry-delay-ms', '5', '--timeout-ms', '5000', '--json'];

      const running = new Map<number, { child: ChildProcess; exited: Promise<number | null> }>();
      const codes: (number | null)[] = [];
      let started = 0;
      const start = () => {
        const n = started++;
        const child = spawn(process.execPath, ['--import', 'tsx', cli, ...cliArgs(n)], {
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr?.on('data', (chunk) => {
          stderr = (stderr + chunk).slice(-4000);
        });
        const exited = new Promise<number | null>((resolve) =>
          child.on('exit', (code, signal) => {
            running.delete(n);
            if (signal !== 'SIGKILL') codes.push(code);
            if (signal !== 'SIGKILL' && code !== 0 && code !== 1) {
              process.stderr.write(`worker ${n} exited ${code}: ${stderr}\n`);
            }
            resolve(code);
          }),
        );
        running.set(n, { child, exited });
      };
      onTestFinished(() => {
        for (const { child } of running.values()) child.kill('SIGKILL');
      });
      const status = async (): Promise<CampaignStatus> => {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ['--import', 'tsx', cli, 'status', '--campaign', TEMPLATE, '--json'],
          { env },
        );
        return JSON.parse(stdout) as CampaignStatus;
      };

      for (let i = 0; i < WORKERS; i++) start();
      const rand = random(16);
      const midRun: CampaignStatus[] = [];
      let kills = 0;
      for (let k = 0; k < KILLS && running.size > 0; k++) {
        await new Promise((r) => setTimeout(r, 800 + rand() * 1500));
        const victims = [...running.values()];
        const victim = victims[Math.floor(rand() * victims.length)];
        if (!victim) break;
        if (victim.child.kill('SIGKILL')) kills++;
        await victim.exited;
        // Read from "another host" while workers run.
        // (Before the first worker has enrolled the list there is nothing to read yet.)
        const now = await status().catch(() => undefined);
        if (now && now.recipients !== 0) midRun.push(now);
        start(); // restarted, as a Job's pod would be
      }
      await Promise.all([...running.values()].map((w) => w.exited));
      // Whatever the chaos left (a retryable failure after its last retry), one more worker finishes.
      start();
      await Promise.all([...running.values()].map((w) => w.exited));

      expect(kills).toBeGreaterThanOrEqual(3);
      expect(codes.at(-1)).toBe(0);
      // Counted by the fake, over its control API: one voucher per recipient, no more.
      await fetch(new URL('/__aopkit/idle', fake.server.url), { method: 'POST' });
      const { vouchers } = (await (await fetch(new URL('/__aopkit/vouchers', fake.server.url))).json()) as {
        vouchers: { user_id: string; out_biz_no: string }[];
      };
      const perUser = new Map<string, number>();
      for (const v of vouchers) perUser.set(v.user_id, (perUser.get(v.user_id) ?? 0) + 1);
      expect(vouchers).toHaveLength(RECIPIENTS);
      expect([...perUser.keys()].sort()).toEqual(ids);
      expect([...perUser.values()].every((n) => n === 1)).toBe(true);

      // --rate held for the three workers together, over the run (each alone would allow as much).
      const arrivals = fake.gateway.requests.map((r) => r.receivedAt.getTime()).sort((a, b) => a - b);
      const span = ((arrivals.at(-1) as number) - (arrivals[0] as number)) / 1000;
      expect((arrivals.length - 1) / span).toBeLessThanOrEqual(RATE * 1.05);

      // The status read mid-run added up, and the final one agrees with the fake.
      expect(midRun.length).toBeGreaterThan(0);
      for (const s of midRun) {
        expect(s.recipients).toBe(RECIPIENTS);
        expect(s.issued + s.failed + s.to_resend + s.in_flight + (s.not_sent ?? 0)).toBe(RECIPIENTS);
      }
      const final = await status();
      expect(final).toMatchObject({
        campaign: TEMPLATE,
        recipients: RECIPIENTS,
        issued: RECIPIENTS,
        failed: 0,
        to_resend: 0,
        in_flight: 0,
        not_sent: 0,
        workers: [],
        finished: true,
      });
      expect(final.sends).toBeGreaterThanOrEqual(RECIPIENTS);
    },
    Math.max(240_000, (RECIPIENTS / RATE) * 3000),
  ); // a hang guard that grows with the list
});
