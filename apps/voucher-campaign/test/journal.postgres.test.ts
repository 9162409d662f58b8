import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { JournalError } from '../src/journal';
import { PgJournal } from '../src/pgJournal';
import { freshDatabase, withClient } from './postgres';

const header = { campaign: 'c1', template_id: 'T1' };
const issued = { status: 'issued', voucher_id: 'V1', user_id: '2088000000000001' } as const;

async function open(url: string) {
  const journal = await PgJournal.open(url, header);
  onTestFinished(() => journal.close().catch(() => {}));
  return journal;
}

/** A worker in another process that claims `key` and then waits to be killed. */
function workerHolding(url: string, key: string): Promise<{ kill: () => Promise<void> }> {
  const src = join(import.meta.dirname, '..', 'src', 'pgJournal.ts');
  const script = `
    import { PgJournal } from ${JSON.stringify(src)};
    const journal = await PgJournal.open(process.argv[1], ${JSON.stringify(header)});
    await journal.enroll([${JSON.stringify(key)}]);
    const claim = await journal.claim(${JSON.stringify(key)});
    process.stdout.write(claim.kind + '\\n');
    setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  onTestFinished(() => {
    child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`worker exited ${code} before claiming`)));
    child.stdout?.once('data', (data) => {
      expect(String(data).trim()).toBe('claimed');
      child.removeAllListeners('exit');
      resolve({
        kill: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    });
  });
}

describe('PgJournal: many workers', () => {
  it('lets one worker claim a recipient at a time; the others see it busy, then done', async () => {
    const url = await freshDatabase();
    const [a, b] = [await open(url), await open(url)];
    await a.enroll(['x']);
    expect(await a.claim('x')).toEqual({ kind: 'claimed' });
    expect(await b.claim('x')).toEqual({ kind: 'busy' });
    expect(await b.claim('x', { retryFailed: true })).toEqual({ kind: 'busy' });
    await a.record({ out_biz_no: 'x', outcome: issued });
    expect(await b.claim('x')).toEqual({ kind: 'done', outcome: issued });
  });

  it('of many workers claiming the same recipients at once, exactly one gets each', async () => {
    const url = await freshDatabase();
    const workers = await Promise.all([open(url), open(url), open(url)]);
    const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
    await workers[0]?.enroll(keys);
    const claims = await Promise.all(
      keys.flatMap((k) => workers.map(async (w) => ({ k, kind: (await w.claim(k)).kind }))),
    );
    for (const k of keys) {
      expect(claims.filter((c) => c.k === k && c.kind === 'claimed')).toHaveLength(1);
    }
  });

  it('takes over the claim of a worker that was SIGKILLed, as an unconfirmed attempt', async () => {
    const url = await freshDatabase();
    const survivor = await open(url);
    const doomed = await workerHolding(url, 'x');
    expect(await survivor.claim('x')).toEqual({ kind: 'busy' });
    await doomed.kill();
    // The killed process's session ends with it (the server may take a moment to notice).
    let claim = await survivor.claim('x');
    for (let i = 0; i < 50 && claim.kind === 'busy'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      claim = await survivor.claim('x');
    }
    expect(claim).toEqual({ kind: 'claimed', before: { status: 'attempted' } });
  });

  it('never lets a later failure overwrite an issued voucher', async () => {
    const url = await freshDatabase();
    const journal = await open(url);
    await journal.record({ out_biz_no: 'x', outcome: issued });
    const failure = {
      status: 'failed',
      retryable: true,
      error: 'AlipayTimeoutError',
      message: 'timed out',
    } as const;
    await journal.record({ out_biz_no: 'x', outcome: failure });
    expect(journal.entries.get('x')).toEqual(issued);
    const again = await open(url);
    expect(again.entries.get('x')).toEqual(issued);
  });

  it('fails, stopping the run, when its own session is gone (others may take over its claims)', async () => {
    const url = await freshDatabase();
    const journal = await open(url);
    await journal.enroll(['x']);
    await journal.claim('x');
    await withClient(url, (c) =>
      c.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'voucher-campaign'",
      ),
    );
    for (let i = 0; i < 50; i++) {
      const error = await journal.record({ out_biz_no: 'x', outcome: issued }).catch((e: unknown) => e);
      if (error) {
        expect(error).toBeInstanceOf(JournalError);
        expect((error as Error).message).toMatch(/lost the worker's database session.*the run must stop/);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the journal kept writing after its session was terminated');
  });
});

describe('PgJournal: the global rate', () => {
  it('paces the workers together, not each on its own', async () => {
    const url = await freshDatabase();
    const [a, b] = [await open(url), await open(url)];
    const [la, lb] = [a.rateLimiter(20), b.rateLimiter(20)];
    const started = performance.now();
    // 30 requests at 20/s between two workers: 29 gaps of 50 ms, whoever sends them.
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => [la.acquire(), lb.acquire()][i % 2]).concat(
        Array.from({ length: 15 }, (_, i) => [lb.acquire(), la.acquire()][i % 2]),
      ),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(1350);
  });

  it('stops waiting for a slot when the run stops', async () => {
    const url = await freshDatabase();
    const limiter = (await open(url)).rateLimiter(1);
    await limiter.acquire();
    const stop = new AbortController();
    const waiting = limiter.acquire(stop.signal);
    setTimeout(() => stop.abort(new Error('stopped')), 50);
    const started = performance.now();
    await expect(waiting).rejects.toThrow('stopped');
    expect(performance.now() - started).toBeLessThan(900);
  });
});

describe('PgJournal: connection problems', () => {
  it('names the database without its password when it cannot connect', async () => {
    const error = await PgJournal.open(
      'postgres://alice:s3cr3t-pw@127.0.0.1:1/vc?password=s3cr3t-pw',
      header,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect((error as Error).message).toMatch(
      /^journal postgres:\/\/alice@127\.0\.0\.1:1\/vc: cannot open journal \(/,
    );
    expect((error as Error).message).not.toContain('s3cr3t');
  });
});
