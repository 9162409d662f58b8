import { setupServer } from 'msw/node';
import { createFakeGateway } from '../createFakeGateway.js';
import { DEMO_APP_KEYS } from '../keys/demoKeys.js';
import type { FakeClientOptions, FakeGatewaySetup, SetupFakeGatewayOptions } from './FakeGatewaySetup.js';
import { readSetupOptions } from './readSetupOptions.js';
import { setupOptionError } from './setupOptionError.js';

/**
 * The URL clientOptions point at. A `.test` host never resolves (RFC 2606), so a suite that forgot
 * `listen()` fails with a connection error instead of sending fake-signed requests to Alipay.
 */
export const FAKE_GATEWAY_URL = 'https://openapi.aopkit-fake.test/gateway.do';

/**
 * A fake gateway served through MSW, with an app registered and `createAlipayClient` options ready,
 * for any test runner: call `listen()` before the tests, `await reset()` after each, `await close()`
 * at the end. Node only (MSW's `setupServer`). Options are those of createFakeGateway plus `app` and
 * `onUnhandledRequest`; an unknown or malformed one throws an `AopkitError` (`ERR_FAKE_CONFIG`)
 * naming it.
 *
 * @example
 * const fake = setupFakeGateway({ fixtures: { templates: [{ template_id: 'TPL_1' }], users: [{ user_id: '2088000000000001' }] } });
 * const client = createAlipayClient(fake.clientOptions);
 * beforeAll(() => fake.listen());
 * afterEach(() => fake.reset());
 * afterAll(() => fake.close());
 */
export function setupFakeGateway(options?: SetupFakeGatewayOptions): FakeGatewaySetup {
  const { gatewayOptions, app: appOptions, onUnhandledRequest } = readSetupOptions(options);
  const { baseUrls = [] } = gatewayOptions;
  if (!Array.isArray(baseUrls)) throw setupOptionError('baseUrls', 'must be an array of URLs when given');
  const gateway = createFakeGateway({ ...gatewayOptions, baseUrls: [...baseUrls, FAKE_GATEWAY_URL] });
  const { privateKey = DEMO_APP_KEYS.privateKey, publicKey = DEMO_APP_KEYS.publicKey, ...rest } = appOptions;
  const registered = gateway.registerApp({ ...rest, publicKey });
  const app = Object.freeze({ ...registered, privateKey });
  const clientOptions: FakeClientOptions = Object.freeze({
    appId: app.appId,
    privateKey,
    alipayPublicKey: gateway.alipayPublicKey,
    gateway: FAKE_GATEWAY_URL,
    signType: app.signType,
    timeoutMs: 5_000,
    maxRetries: 2,
    retryDelay: Object.freeze({ initialMs: 1, maxMs: 5 }),
    ...(app.encryptKey === undefined ? {} : { encryptKey: app.encryptKey }),
  });
  const server = setupServer(...gateway.handlers);
  return {
    gateway,
    server,
    app,
    clientOptions,
    url: FAKE_GATEWAY_URL,
    listen: () => server.listen({ onUnhandledRequest }),
    async reset() {
      server.resetHandlers();
      // A request still in flight would otherwise finish after the reset, in the next test's state.
      await gateway.idle();
      gateway.reset();
    },
    async close() {
      await gateway.idle();
      server.close();
    },
  };
}
