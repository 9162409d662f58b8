import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE, userId } from './helpers/campaignFake';
import { tempDir, writeCsv } from './helpers/files';
import { startLoopbackGateway } from './helpers/loopbackGateway';

const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');
const RECIPIENTS = 30;

// The fake lives in the test process, over real loopback HTTP, so it outlives the CLI processes we kill.
let fake: Awaited<ReturnType<typeof startLoopbackGateway>>;
beforeAll(async () => {
  fake = await startLoopbackGateway({ faults: { rate: 0.3 }, seed: 7 });
});
afterAll(() => fake.server.close());

/** Starts the CLI; kills it with SIGKILL once the journal holds `killAfterLines` lines (if given). */
function runCli(args: string[], killAfterLines?: number): Promise<{ code: number | null; killed: boolean }> {
  const journal = args[args.indexOf('--journal') + 1] as string;
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...process.env, ...fake.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  let killed = false;
  const watch =
    killAfterLines === undefined
      ? undefined
      : setInterval(() => {
          const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 1 : 0;
          if (lines >= killAfterLines && !killed) {
            killed = child.kill('SIGKILL');
          }
        }, 5);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(watch);
      if (!killed && code !== 0) reject(new Error(`CLI exited ${code}: ${stderr}`));
      resolve({ code, killed });
    });
  });
}

describe('crash and resume', () => {
  it('SIGKILLed at several points under injected faults, every recipient ends with exactly one voucher', async () => {
    const dir = tempDir();
    const ids = Array.from({ length: RECIPIENTS }, (_, i) => userId(i + 1));
    const csv = writeCsv(dir, ['user_id', ...ids]);
    const args = [
      'send',
      '--template',
      TEMPLATE,
      '--recipients',
      csv,
      '--journal',
      join(dir, 'j.jsonl'),
      '--results',
      join(dir, 'results.csv'),
      '--concurrency',
      '4',
      '--max-retries',
      '12',
      '--retry-delay-ms',
      '5',
      '--rate',
      '100',
      '--json',
    ];

    let kills = 0;
    for (const lines of [4, 15, 30, 45]) {
      const { killed } = await runCli(args, lines);
      if (killed) kills++;
    }
    const final = await runCli(args);

    expect(kills).toBeGreaterThanOrEqual(3);
    expect(final.code).toBe(0);
    const perUser = new Map<string, number>();
    for (const v of fake.gateway.vouchers) perUser.set(v.user_id, (perUser.get(v.user_id) ?? 0) + 1);
    expect([...perUser.keys()].sort()).toEqual(ids);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
  });
});
