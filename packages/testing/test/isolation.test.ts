// reset() and idle(): a request in flight never writes into the state that follows.
import { describe, expect, it } from 'vitest';
import { createFakeGateway, DROP, demoFixtures, type RequestLogEntry } from '../src/index.js';
import { buildRequest, signedParams } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';
import { demoApp, okBiz, useMswGateway } from './helpers/setup.js';
import { slowRequest, watchedClock } from './helpers/watch.js';

const signed = (outBizNo: string) => buildRequest({ app: demoApp, biz: okBiz(outBizNo) });

describe('reset() with a request in flight, through gateway.handle()', () => {
  it('a latency fault: the request finishes in the state it arrived in, and the next test starts clean', async () => {
    const clock = watchedClock();
    const gateway = createFakeGateway({ fixtures: demoFixtures, now: clock.now });
    gateway.nextCall({ latencyMs: 200 });
    const arrived = clock.called();
    const pending = gateway.handle(await signed('iso-1'));
    await arrived;
    gateway.reset();
    gateway.nextCall({ sub_code: 'SYSTEM_ERROR' }); // the next test's script
    const stale = await readAnswer(await pending, gateway);
    // Its answer is still sent, whole and signed...
    expect(stale.node).toMatchObject({ code: '10000', voucher_id: expect.any(String) });
    expect(stale.verified).toBe(true);
    // ...but nothing of it is in the new state: no voucher, no log entry.
    expect(gateway.vouchers).toEqual([]);
    expect(gateway.requests).toEqual([]);
    // The script queued after reset() is this test's, not eaten by the stale request.
    const first = await readAnswer(await gateway.handle(await signed('iso-1')), gateway);
    expect(first.node.sub_code).toBe('SYSTEM_ERROR');
    // No idempotency record: the same out_biz_no issues anew; no id bump: it gets the seed's first id.
    const second = await readAnswer(await gateway.handle(await signed('iso-1')), gateway);
    expect(second.node.voucher_id).toBe(stale.node.voucher_id);
    expect(gateway.vouchers).toHaveLength(1);
    expect(gateway.requests.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('a slow client: the request belongs to the state it arrived in, not the one its body reaches', async () => {
    const seen: RequestLogEntry[] = [];
    const gateway = createFakeGateway({ fixtures: demoFixtures, onRequest: (e) => seen.push(e) });
    const slow = slowRequest(await signedParams({ app: demoApp, biz: okBiz('iso-2') }));
    const pending = gateway.handle(slow.request);
    gateway.reset();
    slow.release();
    expect((await readAnswer(await pending, gateway)).node.code).toBe('10000');
    expect(gateway.vouchers).toEqual([]);
    expect(gateway.requests).toEqual([]);
    expect(seen).toEqual([]); // onRequest is not told of a request that outlived its state
    await gateway.handle(await signed('iso-3'));
    expect(gateway.requests.map((e) => e.seq)).toEqual([1]);
  });
});

describe('idle()', () => {
  it('resolves at once when nothing is in flight', async () => {
    const gateway = createFakeGateway({ fixtures: demoFixtures });
    const first = await Promise.race([
      gateway.idle().then(() => 'idle'),
      new Promise((resolve) => setTimeout(resolve, 0, 'timer')),
    ]);
    expect(first).toBe('idle');
  });

  it('resolves once the request in flight is done, and not before', async () => {
    const clock = watchedClock();
    const gateway = createFakeGateway({ fixtures: demoFixtures, now: clock.now });
    gateway.nextCall({ latencyMs: 150 });
    const arrived = clock.called();
    const pending = gateway.handle(await signed('idle-1'));
    await arrived;
    const first = await Promise.race([
      gateway.idle().then(() => 'idle'),
      new Promise((resolve) => setTimeout(resolve, 20, 'timer')),
    ]);
    expect(first).toBe('timer');
    expect(gateway.requests).toHaveLength(0);
    await gateway.idle();
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.vouchers).toHaveLength(1);
    expect(await pending).not.toBe(DROP);
  });

  it('waits for requests that arrive while it waits', async () => {
    const gateway = createFakeGateway({ fixtures: demoFixtures });
    const [a, b] = [await signed('idle-2'), await signed('idle-3')];
    gateway.nextCall({ latencyMs: 60 });
    gateway.nextCall({ latencyMs: 120 });
    const one = gateway.handle(a);
    const idle = gateway.idle();
    const two = gateway.handle(b);
    await idle;
    expect(gateway.requests).toHaveLength(2);
    await Promise.all([one, two]);
  });
});

describe('the request log is in arrival order', () => {
  it('a slow first request is listed first once done; until then, only the finished one is', async () => {
    const seen: number[] = [];
    const gateway = createFakeGateway({ fixtures: demoFixtures, onRequest: (e) => seen.push(e.seq) });
    const slow = slowRequest(await signedParams({ app: demoApp, biz: okBiz('order-1') }));
    const first = gateway.handle(slow.request);
    await gateway.handle(await signed('order-2'));
    expect(gateway.requests.map((e) => [e.seq, JSON.parse(e.params.biz_content!).out_biz_no])).toEqual([
      [2, 'order-2'],
    ]);
    slow.release();
    await first;
    expect(gateway.requests.map((e) => [e.seq, JSON.parse(e.params.biz_content!).out_biz_no])).toEqual([
      [1, 'order-1'],
      [2, 'order-2'],
    ]);
    expect(seen).toEqual([2, 1]); // onRequest: as each completes
  });

  it('requestLogLimit keeps the latest arrivals, whatever the order they complete in', async () => {
    const gateway = createFakeGateway({ fixtures: demoFixtures, requestLogLimit: 2 });
    const slow = slowRequest(await signedParams({ app: demoApp, biz: okBiz('lim-1') }));
    const first = gateway.handle(slow.request);
    await gateway.handle(await signed('lim-2'));
    await gateway.handle(await signed('lim-3'));
    slow.release();
    await first;
    expect(gateway.requests.map((e) => e.seq)).toEqual([2, 3]);
  });
});

describe('through MSW (a real fetch)', () => {
  const clock = watchedClock();
  const { gateway, send } = useMswGateway({ now: clock.now });

  it('reset() mid-latency: the answer arrives, the new state stays clean', async () => {
    gateway.nextCall({ latencyMs: 200 });
    const arrived = clock.called();
    const pending = send({ biz: okBiz('msw-1') });
    await arrived;
    gateway.reset();
    gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    const stale = await pending;
    expect(stale.node.code).toBe('10000');
    expect(gateway.vouchers).toEqual([]);
    expect(gateway.requests).toEqual([]);
    expect((await send({ biz: okBiz('msw-1') })).node.sub_code).toBe('SYSTEM_ERROR');
    const fresh = await send({ biz: okBiz('msw-1') });
    expect(fresh.node.voucher_id).toBe(stale.node.voucher_id);
    expect(gateway.requests.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('idle() waits for a fetch in flight; the log lists arrivals in order', async () => {
    gateway.nextCall({ latencyMs: 150 });
    const arrived = clock.called();
    const slow = send({ biz: okBiz('msw-2') });
    await arrived;
    const quick = await send({ biz: okBiz('msw-3') });
    expect(quick.node.code).toBe('10000');
    await gateway.idle();
    expect(gateway.requests.map((e) => e.seq)).toEqual([1, 2]);
    expect(gateway.requests[0]?.params.biz_content).toContain('msw-2');
    expect((await slow).node.code).toBe('10000');
  });
});
