import type { AopkitError } from '@aopkit/signer';
import type { RequestHandler } from 'msw';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createFakeGateway,
  type DROP,
  type FakeGateway,
  type FakeGatewayCore,
  type FakeGatewayError,
  type FakeGatewayErrorCode,
  type FakeGatewayFixtures,
  type FakeGatewayServer,
  type FaultKind,
  type IssuedVoucher,
  type RegisteredApp,
  type RequestLogEntry,
  type ScriptedOutcome,
  startFakeGatewayServer,
} from '../src/index.js';

describe('public types', () => {
  it('createFakeGateway', () => {
    expectTypeOf(createFakeGateway).parameter(0).toEqualTypeOf<Parameters<typeof createFakeGateway>[0]>();
    expectTypeOf(createFakeGateway).returns.toEqualTypeOf<FakeGateway>();
    expectTypeOf<FakeGateway['handlers']>().toEqualTypeOf<RequestHandler[]>();
    expectTypeOf<FakeGateway['handle']>().returns.toEqualTypeOf<Promise<Response | typeof DROP>>();
    expectTypeOf<FakeGateway['vouchers']>().toEqualTypeOf<readonly IssuedVoucher[]>();
    expectTypeOf<FakeGateway['requests']>().toEqualTypeOf<readonly RequestLogEntry[]>();
    expectTypeOf<FakeGateway['registerApp']>().returns.toEqualTypeOf<RegisteredApp>();
    expectTypeOf<FakeGateway['idle']>().returns.toEqualTypeOf<Promise<void>>();
    // A gateway is its core plus MSW handlers; the core has no handlers.
    expectTypeOf<FakeGateway>().toExtend<FakeGatewayCore>();
    expectTypeOf<FakeGatewayCore>().not.toHaveProperty('handlers');
    expectTypeOf<FakeGatewayError['code']>().toEqualTypeOf<FakeGatewayErrorCode>();
    expectTypeOf<FakeGatewayError>().toExtend<AopkitError>();
    expectTypeOf<FaultKind>().toEqualTypeOf<
      'unknown-error' | 'system-error' | 'latency' | 'drop-before' | 'drop-after-issue'
    >();
  });

  it('options and outcomes are checked', () => {
    createFakeGateway({
      seed: 1,
      faults: { rate: 0.1, kinds: { latency: 2 } },
      fixtures: {} satisfies FakeGatewayFixtures,
    });
    // @ts-expect-error: not a fault kind
    createFakeGateway({ faults: { rate: 0.1, kinds: { timeout: 1 } } });
    const outcomes: ScriptedOutcome[] = [
      { sub_code: 'SYSTEM_ERROR' },
      { sub_code: 'TEMPLATE_EXPIRED', sub_msg: '模板已过期', latencyMs: 5 },
      { code: '40004', msg: 'Business Failed', sub_code: 'NEW_CODE', sub_msg: '新' },
      { drop: 'after-issue' },
      { latencyMs: 5 },
    ];
    expectTypeOf(outcomes).toEqualTypeOf<ScriptedOutcome[]>();
    // @ts-expect-error: a sub code the spec does not declare (a full outcome needs code and msg)
    const unknown: ScriptedOutcome = { sub_code: 'NOT_A_CODE' };
    expectTypeOf(unknown).not.toBeAny();
    // @ts-expect-error: the camelCase spelling is gone: sub_code, as the gateway spells it
    const camel: ScriptedOutcome = { subCode: 'SYSTEM_ERROR' };
    expectTypeOf(camel).not.toBeAny();
  });

  it('startFakeGatewayServer', () => {
    expectTypeOf(startFakeGatewayServer).returns.toEqualTypeOf<Promise<FakeGatewayServer>>();
    expectTypeOf<FakeGatewayServer>().toHaveProperty('url').toEqualTypeOf<string>();
    expectTypeOf<FakeGatewayServer['close']>().returns.toEqualTypeOf<Promise<void>>();
  });
});
