import { describe, expect, expectTypeOf, it } from 'vitest';
import * as testing from '../src/index.js';
import * as server from '../src/server.js';

describe('@aopkit/testing/server exports', () => {
  it('pins the runtime API', () => {
    expect(Object.keys(server).sort()).toEqual([
      'CONTROL_PREFIX',
      'DEMO_ALIPAY_KEYS',
      'DEMO_APP_KEYS',
      'DROP',
      'FakeGatewayError',
      'TIMESTAMP_WINDOW_MS',
      'createControlHandler',
      'createGatewayCore',
      'demoFixtures',
      'startFakeGatewayServer',
    ]);
    expect(server.CONTROL_PREFIX).toBe('/__aopkit/');
  });

  it('shares the main entry’s objects, so a gateway from either works with the other', () => {
    expect(server.startFakeGatewayServer).toBe(testing.startFakeGatewayServer);
    expect(server.FakeGatewayError).toBe(testing.FakeGatewayError);
    expect(server.DROP).toBe(testing.DROP);
    expect(server.demoFixtures).toBe(testing.demoFixtures);
  });

  it('exports these types', () => {
    // Removing or renaming one of them fails the typecheck.
    type Exported = [
      server.AppSignType,
      server.FakeApp,
      server.FakeGatewayCore,
      server.FakeGatewayErrorCode,
      server.FakeGatewayFixtures,
      server.FakeGatewayOptions,
      server.FakeGatewayServer,
      server.FakeGatewayServerOptions,
      server.FakeTemplate,
      server.FakeUser,
      server.FaultKind,
      server.FaultOptions,
      server.IssuedVoucher,
      server.RegisteredApp,
      server.RequestLogEntry,
      server.ScriptedOutcome,
      server.Verdict,
    ];
    expectTypeOf<Exported>().toBeArray();
  });
});
