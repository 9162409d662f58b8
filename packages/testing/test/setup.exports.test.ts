import { describe, expect, expectTypeOf, it } from 'vitest';
import * as setup from '../src/setup/index.js';

describe('@aopkit/testing/setup exports', () => {
  it('pins the runtime API', () => {
    expect(Object.keys(setup).sort()).toEqual(['FAKE_GATEWAY_URL', 'setupFakeGateway']);
  });

  it('a setup has exactly the documented members', () => {
    expect(Object.keys(setup.setupFakeGateway()).sort()).toEqual([
      'app',
      'clientOptions',
      'close',
      'gateway',
      'listen',
      'reset',
      'server',
      'url',
    ]);
  });

  it('exports these types', () => {
    // Removing or renaming one of them fails the typecheck.
    type Exported = [
      setup.FakeClientOptions,
      setup.FakeGatewaySetup,
      setup.SetupAppOptions,
      setup.SetupFakeGatewayOptions,
      setup.UnhandledRequestStrategy,
    ];
    expectTypeOf<Exported>().toBeArray();
  });
});
