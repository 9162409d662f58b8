import { describe, expect, it } from 'vitest';
import { createFakeGateway, demoFixtures, type RequestLogEntry, TIMESTAMP_WINDOW_MS } from '../src/index.js';
import { buildRequest } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';
import { demoApp, okBiz } from './helpers/setup.js';

describe('createFakeGateway options', () => {
  it('now: the gateway clock decides the timestamp window and issuedAt', async () => {
    const clock = new Date('2014-07-23T19:07:50Z'); // 2014-07-24 03:07:50 in Beijing, the reference page's
    const gateway = createFakeGateway({ fixtures: demoFixtures, now: () => clock });
    const request = await buildRequest({
      app: demoApp,
      biz: okBiz('now-1'),
      params: { timestamp: '2014-07-24 03:07:50' },
    });
    expect((await readAnswer(await gateway.handle(request), gateway)).node.code).toBe('10000');
    expect(gateway.vouchers[0]?.issuedAt).toBe(clock);
    expect(gateway.requests[0]?.receivedAt).toBe(clock);
    const late = new Date(clock.getTime() + TIMESTAMP_WINDOW_MS + 1000);
    const stale = await buildRequest({ app: demoApp, biz: okBiz('now-2'), at: clock });
    const lateGateway = createFakeGateway({ fixtures: demoFixtures, now: () => late });
    expect((await readAnswer(await lateGateway.handle(stale), lateGateway)).node.sub_code).toBe(
      'isv.invalid-timestamp',
    );
  });

  it('onRequest sees each entry; requestLogLimit keeps the newest', async () => {
    const seen: RequestLogEntry[] = [];
    const gateway = createFakeGateway({
      fixtures: demoFixtures,
      onRequest: (e) => seen.push(e),
      requestLogLimit: 2,
    });
    for (const n of [1, 2, 3])
      await gateway.handle(await buildRequest({ app: demoApp, biz: okBiz(`log-${n}`) }));
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(gateway.requests.map((e) => e.seq)).toEqual([2, 3]);
    const entry = seen[0]!;
    expect(entry).toMatchObject({ app_id: demoApp.appId, charset: 'utf-8', signed: true, scripted: false });
    expect(entry.node).toBe('alipay_marketing_voucher_send_response');
    expect(entry.durationMs).toBeGreaterThan(0);
    expect(entry.params.biz_content).toBe(JSON.stringify(okBiz('log-1')));
  });
});
