import { join } from 'node:path';
import { createFakeGateway, startFakeGatewayServer } from '@aopkit/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { run, TEMPLATE, tempDir, userId, writeCsv } from './helpers';

describe('--rate', () => {
  it('bounds every request at the gateway, retries included, under 30% faults', async () => {
    const gateway = createFakeGateway({
      seed: 16,
      faults: { rate: 0.3, kinds: { 'system-error': 1, 'unknown-error': 1, 'drop-before': 1 } },
    });
    gateway.addTemplate({ template_id: TEMPLATE, type: 'voucher' });
    const ids = Array.from({ length: 50 }, (_, i) => userId(i + 1));
    for (const user_id of ids) gateway.addUser({ user_id });
    const app = gateway.registerApp();
    // Notes when each request reaches the gateway, over real loopback HTTP.
    const arrivals: number[] = [];
    const counting = new Proxy(gateway, {
      get: (target, key) =>
        key === 'handle'
          ? (request: Request) => {
              arrivals.push(performance.now());
              return target.handle(request);
            }
          : Reflect.get(target, key),
    });
    const server = await startFakeGatewayServer({ port: 0, gateway: counting });
    onTestFinished(() => server.close());
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
      {
        ALIPAY_APP_ID: app.appId,
        ALIPAY_PRIVATE_KEY: app.privateKey ?? '',
        ALIPAY_PUBLIC_KEY: gateway.alipayPublicKey,
        ALIPAY_GATEWAY: server.url,
      },
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
