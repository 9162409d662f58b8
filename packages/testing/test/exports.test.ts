import { describe, expect, expectTypeOf, it } from 'vitest';
import * as testing from '../src/index.js';

describe('@aopkit/testing exports', () => {
  it('pins the runtime API', () => {
    expect(Object.keys(testing).sort()).toEqual([
      'DEMO_ALIPAY_KEYS',
      'DEMO_ALIPAY_PUBLIC_CERT',
      'DEMO_ALIPAY_ROOT_CERT',
      'DEMO_APP_CERT',
      'DEMO_APP_KEYS',
      'DROP',
      'FakeGatewayError',
      'TIMESTAMP_WINDOW_MS',
      'createFakeGateway',
      'demoFixtures',
      'startFakeGatewayServer',
    ]);
  });

  it('a gateway has exactly the documented members', () => {
    const gateway = testing.createFakeGateway();
    expect(Object.keys(gateway).sort()).toEqual([
      'addTemplate',
      'addUser',
      'alipayPublicCert',
      'alipayPublicKey',
      'alipayRootCert',
      'expireTemplate',
      'freezeUser',
      'handle',
      'handlers',
      'idle',
      'nextCall',
      'registerApp',
      'requests',
      'reset',
      'vouchers',
    ]);
  });

  it('exports these types', () => {
    // Removing or renaming one of them fails the typecheck.
    type Exported = [
      testing.AppSignType,
      testing.FakeApp,
      testing.FakeGateway,
      testing.FakeGatewayCore,
      testing.FakeGatewayErrorCode,
      testing.FakeGatewayFixtures,
      testing.FakeGatewayOptions,
      testing.FakeGatewayServer,
      testing.FakeGatewayServerOptions,
      testing.FakeTemplate,
      testing.FakeUser,
      testing.FaultKind,
      testing.FaultOptions,
      testing.IssuedVoucher,
      testing.RegisteredApp,
      testing.RequestLogEntry,
      testing.ScriptedOutcome,
      testing.Verdict,
    ];
    expectTypeOf<Exported>().toBeArray();
  });
});
