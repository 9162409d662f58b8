import { SUB_CODES } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { createFakeGateway, DROP, demoFixtures, type FakeGatewayOptions } from '../src/index.js';
import { buildRequest } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';
import { demoApp, fetchOrDrop, okBiz, useMswGateway } from './helpers/setup.js';

const { gateway, send } = useMswGateway();

describe('scripted outcomes (nextCall)', () => {
  it.each([
    ['isp.unknow-error', '20000', 'unknown-error'],
    ['SYSTEM_ERROR', '40004', 'system-error'],
    ['aop.invalid-app-auth-token', '20001', undefined],
  ] as const)('{ sub_code: %s } → code %s, signed, nothing issued', async (subCode, code, fault) => {
    gateway.nextCall({ sub_code: subCode });
    const answer = await send({ biz: okBiz('s1') });
    expect(answer.node).toEqual({
      code,
      msg: expect.any(String),
      sub_code: subCode,
      sub_msg: SUB_CODES[subCode].subMsg,
    });
    expect(answer.verified).toBe(true);
    expect(gateway.vouchers).toHaveLength(0);
    expect(gateway.requests.at(-1)?.scripted).toBe(true);
    expect(gateway.requests.at(-1)?.fault).toBe(fault);
    expect((await send({ biz: okBiz('s1') })).node.code).toBe('10000'); // one call only
  });

  it('a custom sub_msg, and outcomes queue in order', async () => {
    gateway.nextCall({ sub_code: 'SYSTEM_ERROR', sub_msg: '忙' });
    gateway.nextCall({ sub_code: 'isp.unknow-error' });
    expect((await send({ biz: okBiz('q1') })).node.sub_msg).toBe('忙');
    expect((await send({ biz: okBiz('q1') })).node.sub_code).toBe('isp.unknow-error');
    expect((await send({ biz: okBiz('q1') })).node.code).toBe('10000');
  });

  it('{ drop: "before" } → network error, nothing issued', async () => {
    gateway.nextCall({ drop: 'before' });
    await expect(send({ biz: okBiz('x1') })).rejects.toThrow('connection dropped');
    expect(gateway.vouchers).toHaveLength(0);
    expect(gateway.requests.at(-1)?.fault).toBe('drop-before');
    expect(gateway.requests.at(-1)?.verdict).toBeUndefined();
  });

  it('{ drop: "after-issue" } → network error, voucher issued; the retry returns the same voucher', async () => {
    gateway.nextCall({ drop: 'after-issue' });
    await expect(send({ biz: okBiz('x2') })).rejects.toThrow('connection dropped');
    expect(gateway.vouchers).toHaveLength(1);
    const entry = gateway.requests.at(-1)!;
    expect(entry).toMatchObject({ fault: 'drop-after-issue', verdict: { code: '10000' } });
    const retry = await send({ biz: okBiz('x2') });
    expect(retry.node.voucher_id).toBe(gateway.vouchers[0]?.voucher_id);
    expect(entry.voucher_id).toBe(retry.node.voucher_id);
    expect(gateway.vouchers).toHaveLength(1);
  });

  it('{ latencyMs } delays the answer, otherwise normal', async () => {
    gateway.nextCall({ latencyMs: 120 });
    const started = performance.now();
    expect((await send({ biz: okBiz('l1') })).node.code).toBe('10000');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(gateway.requests.at(-1)?.fault).toBe('latency');
  });

  it('only authenticated, well-formed requests consume the script', async () => {
    gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    expect((await send({ biz: okBiz('a1'), tamper: { sign: 'AAAA' } })).node.sub_code).toBe(
      'isv.invalid-signature',
    );
    expect((await send({ biz: okBiz('a1'), tamper: { app_id: 'nope' } })).node.sub_code).toBe(
      'isv.invalid-app-id',
    );
    expect((await send({ biz: okBiz('a1') })).node.sub_code).toBe('SYSTEM_ERROR');
  });
});

/** Runs the same request sequence against a fresh gateway and returns what each request met. */
async function faultSequence(options: FakeGatewayOptions, count = 40): Promise<string[]> {
  const fresh = createFakeGateway({ fixtures: demoFixtures, ...options });
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fresh.handle(await buildRequest({ app: demoApp, biz: okBiz(`seq-${i}`) }));
    seen.push(response === DROP ? 'DROP' : ((await readAnswer(response, fresh)).node.sub_code ?? 'ok'));
  }
  return seen.map((outcome, i) => `${outcome}/${fresh.requests[i]?.fault ?? '-'}`);
}

describe('seeded random faults', () => {
  const faults = { rate: 0.4, latencyMs: 1 };

  it('the same seed gives the same fault sequence; another seed another one', async () => {
    const a = await faultSequence({ seed: 7, faults });
    expect(await faultSequence({ seed: 7, faults })).toEqual(a);
    expect(await faultSequence({ seed: 8, faults })).not.toEqual(a);
    expect(a.filter((s) => !s.endsWith('/-')).length).toBeGreaterThan(4);
    expect(new Set(a.map((s) => s.split('/')[1])).size).toBeGreaterThanOrEqual(4); // '-' and 3+ kinds
  });

  it('kinds weigh the draw; a zero weight never happens', async () => {
    const only = await faultSequence({ seed: 3, faults: { rate: 1, kinds: { 'system-error': 1 } } }, 10);
    expect(only).toEqual(Array(10).fill('SYSTEM_ERROR/system-error'));
  });

  it('a script takes precedence and does not shift later random faults', async () => {
    const plain = await faultSequence({ seed: 11, faults });
    const scripted = createFakeGateway({ fixtures: demoFixtures, seed: 11, faults });
    scripted.nextCall({ sub_code: 'aop.invalid-app-auth-token' });
    for (let i = 0; i < 40; i++)
      await scripted.handle(await buildRequest({ app: demoApp, biz: okBiz(`seq-${i}`) }));
    expect(scripted.requests[0]).toMatchObject({
      scripted: true,
      verdict: { sub_code: 'aop.invalid-app-auth-token' },
    });
    const later = scripted.requests.slice(1).map((r) => r.fault ?? '-');
    expect(later).toEqual(plain.slice(1).map((s) => s.split('/')[1]));
  });

  it('reset() re-seeds: the sequence starts over', async () => {
    const g = createFakeGateway({ fixtures: demoFixtures, seed: 5, faults: { rate: 0.5, latencyMs: 1 } });
    const run = async () => {
      for (let i = 0; i < 12; i++) await g.handle(await buildRequest({ app: demoApp, biz: okBiz(`r-${i}`) }));
      return g.requests.map((r) => `${r.fault}:${r.voucher_id}`);
    };
    const first = await run();
    g.reset();
    expect(await run()).toEqual(first);
  });

  it('rejects impossible options', () => {
    // Typed since issue #13: FakeGatewayError with a code, where these were RangeError / TypeError.
    const config = { name: 'FakeGatewayError', code: 'ERR_FAKE_CONFIG' };
    expect(() => createFakeGateway({ faults: { rate: 2 } })).toThrow(expect.objectContaining(config));
    expect(() => createFakeGateway({ faults: { rate: 0.5, kinds: { latency: -1 } } })).toThrow(
      expect.objectContaining(config),
    );
    expect(() => createFakeGateway({ faults: { rate: 0.5, kinds: {} } })).toThrow(
      expect.objectContaining(config),
    );
    expect(() => gateway.nextCall(null as never)).toThrow(
      expect.objectContaining({ name: 'FakeGatewayError', code: 'ERR_FAKE_SCRIPT' }),
    );
  });

  it('faults reach MSW clients too (drop-before is a fetch network error)', async () => {
    gateway.nextCall({ drop: 'before' });
    await expect(fetchOrDrop(await buildRequest({ app: demoApp, biz: okBiz('m1') }))).rejects.toThrow(
      'connection dropped',
    );
  });
});
