import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TEMPLATE, userId } from './helpers/campaignFake';
import { tempDir, writeCsv } from './helpers/files';
import { startLoopbackGateway } from './helpers/loopbackGateway';

const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');

/** A fake gateway over real loopback HTTP (it outlives the CLI processes), with `count` users. */
async function gatewayServer(count: number, latencyMs?: number) {
  // Counts requests as they arrive (before any latency), so a test can signal once sends are in flight.
  let arrived = 0;
  const { gateway, server, env } = await startLoopbackGateway({
    seed: 3,
    ...(latencyMs ? { faults: { rate: 1, kinds: { latency: 1 }, latencyMs } } : {}),
    onArrival: () => arrived++,
  });
  onTestFinished(() => server.close());
  const ids = Array.from({ length: count }, (_, i) => userId(i + 1));
  for (const user_id of ids) gateway.addUser({ user_id });
  const dir = tempDir();
  const paths = {
    csv: writeCsv(dir, ['user_id', ...ids]),
    journal: join(dir, 'j.jsonl'),
    results: join(dir, 'r.csv'),
  };
  const args = (...extra: string[]) => [
    'send',
    '--template',
    TEMPLATE,
    '--recipients',
    paths.csv,
    '--journal',
    paths.journal,
    '--results',
    paths.results,
    ...extra,
  ];
  return { gateway, env, ids, ...paths, args, arrived: () => arrived };
}

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the signal to the exit. */
  afterSignalMs: number;
}

/**
 * Runs the CLI (under `sh -c 'ulimit -f <blocks>'` when fileSizeBlocks is given); sends `signal` once
 * the journal holds `atLines` lines and `when()` holds.
 */
function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: {
    signal?: NodeJS.Signals;
    atLines?: number;
    when?: () => boolean;
    journal?: string;
    fileSizeBlocks?: number;
  } = {},
): Promise<Exit> {
  const node = [process.execPath, '--import', 'tsx', cli, ...args];
  const [command, ...argv] =
    options.fileSizeBlocks === undefined
      ? node
      : ['sh', '-c', `ulimit -f ${options.fileSizeBlocks} && exec "$@"`, 'sh', ...node];
  const child = spawn(command as string, argv, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  let signalledAt: number | undefined;
  const watch =
    options.signal === undefined
      ? undefined
      : setInterval(() => {
          const path = options.journal as string;
          const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0;
          const ready = lines >= (options.atLines ?? 1) && (options.when?.() ?? true);
          if (ready && signalledAt === undefined) {
            signalledAt = performance.now();
            child.kill(options.signal);
          }
        }, 5);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(watch);
      resolve({ code, stdout, stderr, afterSignalMs: performance.now() - (signalledAt ?? 0) });
    });
  });
}

function resultRows(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true }) as Record<string, string>[];
}

describe('stopping a run', () => {
  for (const [signal, exitCode] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: sends in flight finish and are recorded, the rest are not-reached rows, exit ${exitCode}`, async () => {
      // Every answer takes 1.5 s, so the 4 sends in flight are mid-request when the signal comes.
      const t = await gatewayServer(10, 1500);
      const out = await runCli(t.args('--concurrency', '4', '--max-retries', '0'), t.env, {
        signal,
        when: () => t.arrived() >= 4, // 4 requests at the fake, each answered 1.5 s later
        journal: t.journal,
      });

      expect(out.code).toBe(exitCode);
      expect(out.stderr).toMatch(new RegExp(`${signal}: finishing the sends in flight`));
      const rows = resultRows(t.results);
      expect(rows.map((r) => Number(r.line))).toEqual(t.ids.map((_, i) => i + 2)); // one row per input line
      expect(rows.filter((r) => r.status === 'failed')).toEqual([]);
      // At least the 4 in flight (a machine stalled for 1.5 s may let more start before the signal).
      const issued = rows.filter((r) => r.status === 'issued');
      expect(issued.length).toBeGreaterThanOrEqual(4);
      expect(rows.filter((r) => r.status === 'not-reached')).toHaveLength(10 - issued.length);
      expect(issued.map((r) => r.voucher_id).sort()).toEqual(
        t.gateway.vouchers.map((v) => v.voucher_id).sort(),
      );
      const journaled = readFileSync(t.journal, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"issued"'));
      expect(journaled).toHaveLength(issued.length);

      const again = await runCli(t.args('--json'), t.env);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({
        already_issued: issued.length,
        issued: 10 - issued.length,
        replayed: 0,
      });
      expect(t.gateway.vouchers).toHaveLength(10);
    });
  }

  it('a signal while the last sends are in flight: every recipient holds its voucher, so exit 0', async () => {
    const t = await gatewayServer(4, 1500);
    const out = await runCli(t.args('--concurrency', '4', '--max-retries', '0', '--json'), t.env, {
      signal: 'SIGINT',
      when: () => t.arrived() >= 4, // all 4 at the fake: nothing is left to start
      journal: t.journal,
    });
    expect(JSON.parse(out.stdout)).toMatchObject({ issued: 4, not_reached: 0, interrupted: true, ok: true });
    expect(out.code).toBe(0);
    expect(t.gateway.vouchers).toHaveLength(4);
  });

  it('with --rate, Ctrl-C does not wait for the rate limiter', async () => {
    const t = await gatewayServer(10);
    // One send per 100 s: 3 workers wait 100, 200 and 300 s for their slots when the signal comes.
    const out = await runCli(t.args('--rate', '0.01/s', '--concurrency', '4', '--json'), t.env, {
      signal: 'SIGINT',
      atLines: 3, // the header, the first attempt and its outcome
      journal: t.journal,
    });
    expect(out.code).toBe(130);
    // Not a speed target: a bound far below the next slot (100 s), which a wait not cut short would reach.
    expect(out.afterSignalMs).toBeLessThan(60_000);
    expect(JSON.parse(out.stdout)).toMatchObject({ issued: 1, not_reached: 9, interrupted: true });
  });

  it('a journal that can no longer be written (file size limit) stops sending; summary, exit 1, resume is safe', async () => {
    const t = await gatewayServer(12);
    // 4 blocks of 512 bytes: the journal fills up after a few recipients; the results file still fits.
    const out = await runCli(t.args('--concurrency', '2', '--json'), t.env, { fileSizeBlocks: 4 });

    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/journal .*j\.jsonl: cannot write/);
    expect(out.stderr).toMatch(/safe, because each recipient's out_biz_no is deterministic/);
    expect(out.stderr).not.toMatch(/^\s+at /m);
    const summary = JSON.parse(out.stdout);
    expect(summary.journal_error).toMatch(/cannot write/);
    expect(summary.not_reached).toBeGreaterThan(0);
    expect(summary.ok).toBe(false);
    const rows = resultRows(t.results);
    expect(rows).toHaveLength(12);
    const sent = rows.filter((r) => r.status === 'issued');
    expect(sent.length).toBe(t.gateway.vouchers.length);

    const again = await runCli(t.args('--json'), t.env);
    expect(again.code).toBe(0);
    const perUser = new Map<string, number>();
    for (const v of t.gateway.vouchers) perUser.set(v.user_id, (perUser.get(v.user_id) ?? 0) + 1);
    expect([...perUser.keys()].sort()).toEqual(t.ids);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
  });
});
