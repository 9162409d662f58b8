import type { SetupServer } from 'msw/node';
import { describe, expectTypeOf, it } from 'vitest';
// The client is not a dependency of this package: its source, by path, for its types.
import type { AlipayClientOptions } from '../../client/src/index.js';
import type { FakeGateway, RegisteredApp } from '../src/index.js';
import {
  type FakeClientOptions,
  type FakeGatewaySetup,
  type SetupFakeGatewayOptions,
  setupFakeGateway,
} from '../src/setup/index.js';

describe('setupFakeGateway types', () => {
  it("gives options createAlipayClient takes, without depending on the client's types", () => {
    expectTypeOf<FakeClientOptions>().toExtend<AlipayClientOptions>();
    expectTypeOf<
      { readonly [K in keyof FakeClientOptions]: FakeClientOptions[K] } & { timeoutMs: 200 }
    >().toExtend<AlipayClientOptions>();
  });

  it('returns the gateway, the MSW server and the app', () => {
    expectTypeOf(setupFakeGateway).returns.toEqualTypeOf<FakeGatewaySetup>();
    expectTypeOf<FakeGatewaySetup['gateway']>().toEqualTypeOf<FakeGateway>();
    expectTypeOf<FakeGatewaySetup['server']>().toEqualTypeOf<SetupServer>();
    expectTypeOf<FakeGatewaySetup['app']>().toExtend<RegisteredApp & { privateKey: string }>();
    expectTypeOf<FakeGatewaySetup['reset']>().returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<FakeGatewaySetup['close']>().returns.toEqualTypeOf<Promise<void>>();
  });

  it('checks its options', () => {
    setupFakeGateway({ seed: 2, app: { signType: 'RSA', encryptKey: true }, onUnhandledRequest: 'warn' });
    setupFakeGateway({ onUnhandledRequest: (_request, print) => print.error() });
    // @ts-expect-error: not a sign type
    setupFakeGateway({ app: { signType: 'SHA256' } });
    // @ts-expect-error: not an option
    setupFakeGateway({ sedd: 2 });
    expectTypeOf<SetupFakeGatewayOptions['onUnhandledRequest']>().not.toBeAny();
  });
});
