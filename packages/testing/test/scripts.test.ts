// Scripted outcomes are checked when scripted (nextCall), and seeded fault options at creation.
import { SUB_CODES } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { createFakeGateway, FakeGatewayError } from '../src/index.js';
import { okBiz, useMswGateway } from './helpers/setup.js';

const { gateway, send } = useMswGateway();

/** The FakeGatewayError `call` throws. */
function thrown(call: () => unknown): FakeGatewayError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(FakeGatewayError);
    return error as FakeGatewayError;
  }
  throw new Error('expected a FakeGatewayError, nothing was thrown');
}

describe('nextCall refuses a malformed outcome at once (ERR_FAKE_SCRIPT)', () => {
  it.each([
    [
      'an unknown sub_code',
      { sub_code: 'NEW_CODE' },
      'nextCall.sub_code',
      /unknown sub_code "NEW_CODE"; known: .*SYSTEM_ERROR.*full outcome/,
    ],
    ['the camelCase subCode', { subCode: 'SYSTEM_ERROR' }, 'nextCall.subCode', /subCode is spelled sub_code/],
    [
      'the camelCase subMsg',
      { sub_code: 'SYSTEM_ERROR', subMsg: '忙' },
      'nextCall.subMsg',
      /subMsg is spelled sub_msg/,
    ],
    ['an empty outcome', {}, 'nextCall.outcome', /empty outcome scripts nothing; give one of \{ sub_code/],
    [
      'an unknown drop',
      { drop: 'after' },
      'nextCall.drop',
      /drop must be "before" or "after-issue" \(got "after"\)/,
    ],
    [
      'a negative latency',
      { latencyMs: -5 },
      'nextCall.latencyMs',
      /latencyMs must be a number of milliseconds from 0 to 600000 \(got -5\)/,
    ],
    ['a NaN latency', { latencyMs: Number.NaN }, 'nextCall.latencyMs', /\(got NaN\)/],
    ['a latency as text', { drop: 'before', latencyMs: '100' }, 'nextCall.latencyMs', /\(got "100"\)/],
    [
      'an unknown key',
      { sub_code: 'SYSTEM_ERROR', delay: 5 },
      'nextCall.delay',
      /unknown key delay beside sub_code; this outcome takes sub_code, sub_msg, latencyMs/,
    ],
    [
      'only an unknown key',
      { fault: 'latency' },
      'nextCall.fault',
      /unknown key fault; an outcome is one of/,
    ],
    [
      'drop mixed with sub_code',
      { drop: 'before', sub_code: 'SYSTEM_ERROR' },
      'nextCall.sub_code',
      /beside drop/,
    ],
    [
      'msg without code',
      { sub_code: 'SYSTEM_ERROR', msg: 'x' },
      'nextCall.msg',
      /a full outcome needs code too/,
    ],
    [
      'a full outcome whose code is not digits',
      { code: 'E40004', msg: 'x' },
      'nextCall.code',
      /code must be a string of digits/,
    ],
    ['a full outcome whose code is a number', { code: 40004, msg: 'x' }, 'nextCall.code', /\(got 40004\)/],
    [
      'a full outcome of success',
      { code: '10000', msg: 'Success' },
      'nextCall.code',
      /success, which needs a voucher/,
    ],
    ['a full outcome without msg', { code: '40004' }, 'nextCall.msg', /msg must be a non-empty string/],
    [
      'a full outcome with an empty sub_code',
      { code: '40004', msg: 'x', sub_code: '' },
      'nextCall.sub_code',
      /non-empty string/,
    ],
    [
      'a sub_msg that is not text',
      { sub_code: 'SYSTEM_ERROR', sub_msg: 5 },
      'nextCall.sub_msg',
      /sub_msg must be a string/,
    ],
    ['an array', [], 'nextCall.outcome', /must be an object.*\(got an array\)/],
    ['a string', 'SYSTEM_ERROR', 'nextCall.outcome', /must be an object/],
  ] as const)('%s', async (_, outcome, field, message) => {
    const error = thrown(() => gateway.nextCall(outcome as never));
    expect(error).toMatchObject({ code: 'ERR_FAKE_SCRIPT', field });
    expect(error.message).toMatch(message);
    // Nothing was queued: the next request is answered normally.
    expect((await send({ biz: okBiz(`bad-${field}`) })).node.code).toBe('10000');
  });

  it('reads own properties only', () => {
    const inherited = Object.create({ sub_code: 'SYSTEM_ERROR' }) as never;
    expect(thrown(() => gateway.nextCall(inherited)).field).toBe('nextCall.outcome');
  });
});

describe('a full outcome, for codes the tables do not know', () => {
  it('is answered exactly as given, signed, and logged; nothing is issued', async () => {
    const outcome = { code: '40004', msg: 'Business Failed', sub_code: 'NEW_CODE', sub_msg: '新的错误' };
    gateway.nextCall(outcome);
    const answer = await send({ biz: okBiz('full-1') });
    expect(answer.node).toEqual(outcome);
    expect(answer.verified).toBe(true);
    expect(gateway.vouchers).toHaveLength(0);
    expect(gateway.requests.at(-1)).toMatchObject({ scripted: true, verdict: outcome });
  });

  it('takes a new result code too, and sub_code and sub_msg may be left out', async () => {
    gateway.nextCall({ code: '40009', msg: 'Something New', latencyMs: 1 });
    expect((await send({ biz: okBiz('full-2') })).node).toEqual({ code: '40009', msg: 'Something New' });
  });

  it('a known sub_code keeps its tables: code, msg and sub_msg', async () => {
    gateway.nextCall({ sub_code: 'TEMPLATE_EXPIRED' });
    expect((await send({ biz: okBiz('known-1') })).node).toEqual({
      code: '40004',
      msg: 'Business Failed',
      sub_code: 'TEMPLATE_EXPIRED',
      sub_msg: SUB_CODES.TEMPLATE_EXPIRED.subMsg,
    });
  });

  it('a later change to the object given does not change what was scripted', async () => {
    const outcome = { sub_code: 'SYSTEM_ERROR' as const, sub_msg: '忙' };
    gateway.nextCall(outcome);
    outcome.sub_msg = 'changed';
    expect((await send({ biz: okBiz('copy-1') })).node.sub_msg).toBe('忙');
  });
});

describe('faults (seeded) are checked at creation (ERR_FAKE_CONFIG)', () => {
  it.each([
    ['not an object', 0.5, 'faults', /faults must be an object/],
    [
      'an unknown key',
      { rate: 0.1, latency: 5 },
      'faults.latency',
      /not an option; known: rate, kinds, latencyMs/,
    ],
    ['no rate', {}, 'faults.rate', /between 0 and 1 \(got nothing\)/],
    ['a rate above 1', { rate: 2 }, 'faults.rate', /between 0 and 1 \(got 2\)/],
    ['a NaN rate', { rate: Number.NaN }, 'faults.rate', /\(got NaN\)/],
    [
      'an unknown kind',
      { rate: 0.1, kinds: { timeout: 1 } },
      'faults.kinds.timeout',
      /not a fault kind; known: unknown-error, system-error, latency, drop-before, drop-after-issue/,
    ],
    ['a negative weight', { rate: 0.1, kinds: { latency: -1 } }, 'faults.kinds.latency', /≥ 0 \(got -1\)/],
    ['a weight as text', { rate: 0.1, kinds: { latency: '1' } }, 'faults.kinds.latency', /\(got "1"\)/],
    ['no weight above 0', { rate: 0.1, kinds: { latency: 0 } }, 'faults.kinds', /one weight > 0/],
    ['a negative latency', { rate: 0.1, latencyMs: -1 }, 'faults.latencyMs', /0 to 600000 \(got -1\)/],
  ] as const)('%s', (_, faults, field, message) => {
    const error = thrown(() => createFakeGateway({ faults: faults as never }));
    expect(error).toMatchObject({ code: 'ERR_FAKE_CONFIG', field });
    expect(error.message).toMatch(message);
  });

  it('rate 0 with no weight is fine: faults off', () => {
    expect(() => createFakeGateway({ faults: { rate: 0, kinds: {} } })).not.toThrow();
  });
});
