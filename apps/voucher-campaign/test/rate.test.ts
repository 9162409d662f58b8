import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TEMPLATE, userId } from './helpers/campaignFake';
import { run } from './helpers/cli';
import { tempDir, writeCsv } from './helpers/files';
import { startLoopbackGateway } from './helpers/loopbackGateway';

describe('--rate', () => {
  it('bounds every request at the gateway, retries included, under 30% faults', async () => {
    // Notes when each request reaches the gateway, over real loopback HTTP.
    const arrivals: number[] = [];
    const { gateway, server, env } = await startLoopbackGateway({
      seed: 16,
      faults: { rate: 0.3, kinds: { 'system-error': 1, 'unknown-error': 1, 'drop-before': 1 } },
      onArrival: () => arrivals.push(performance.now()),
    });
    onTestFinished(() => server.close());
    const ids = Array.from({ length: 50 }, (_, i) => userId(i + 1));
    for (const user_id of ids) gateway.addUser({ user_id });
    const dir = tempDir();
    const out = await run(
      [
        'send',
        '--template',
        TEMPLATE,
        '--recipients',
        writeCsv(dir, ['user_id', ...ids]),
        '--results',
        join(dir, 'r.csv'),
        '--rate',
        '10/s',
        '--concurrency',
        '8',
        '--max-retries',
        '10',
        '--retry-delay-ms',
        '1',
        '--json',
      ],
      env,
    );
    expect(out.code).toBe(0);
    expect(gateway.vouchers).toHaveLength(50);
    // Retries happened: more requests than recipients.
    expect(arrivals.length).toBeGreaterThan(55);
    // The most requests in any one second, as they arrive: 10, and up to two more for requests that left
    // on their slot but reached the gateway up to 200 ms later than the ones after them (signing and
    // loopback jitter on a busy machine). Without the limit on retries, 30% faults put 14 or more in a second.
    let most = 0;
    for (let i = 0, j = 0; j < arrivals.length; j++) {
      while ((arrivals[j] as number) - (arrivals[i] as number) >= 1000) i++;
      most = Math.max(most, j - i + 1);
    }
    expect(most).toBeLessThanOrEqual(12);
    // And over the whole run, where that jitter washes out: 10 a second at most.
    const seconds = ((arrivals.at(-1) as number) - (arrivals[0] as number)) / 1000;
    expect((arrivals.length - 1) / seconds).toBeLessThanOrEqual(10.3);
  }, 30_000);
});
