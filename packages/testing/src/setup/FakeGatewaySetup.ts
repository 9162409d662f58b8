import type { SetupServer } from 'msw/node';
import type { AppSignType, FakeGatewayOptions, RegisteredApp } from '../FakeGatewayCore.js';
import type { FakeGateway } from '../FakeGatewayWithHandlers.js';

/** What MSW does with a request no handler matches (as `server.listen({ onUnhandledRequest })` takes it). */
export type UnhandledRequestStrategy = NonNullable<
  NonNullable<Parameters<SetupServer['listen']>[0]>['onUnhandledRequest']
>;

/** The app setupFakeGateway registers with the fake, and whose keys the client signs with. */
export interface SetupAppOptions {
  /** Default: an id generated from the seed (16 digits starting 2021). */
  appId?: string;
  /**
   * The app's key pair (PEM or bare base64; the private key PKCS#1 or PKCS#8). Give both or neither.
   * Default: the bundled, public, fake `DEMO_APP_KEYS` (nothing to generate, so setup stays fast).
   */
  privateKey?: string;
  publicKey?: string;
  /** Default `RSA2`. */
  signType?: AppSignType;
  /** The app's AES key (base64 of 16 bytes), or `true` to have one generated; then passed to the client. */
  encryptKey?: string | true;
}

/** Options of setupFakeGateway: those of createFakeGateway, plus the app and MSW's unhandled-request strategy. */
export interface SetupFakeGatewayOptions extends FakeGatewayOptions {
  /** The app to register (it survives `reset()`). */
  app?: SetupAppOptions;
  /** Default `'error'`: a request to any other URL fails the test instead of reaching the network. */
  onUnhandledRequest?: UnhandledRequestStrategy;
}

/**
 * Options ready for `createAlipayClient` of `@aopkit/client`: the registered app and its keys, the
 * fake's Alipay public key, the fake's URL, and retries fast enough for tests. Typed structurally, so
 * `@aopkit/testing` does not depend on the client; spread it to override one
 * (`{ ...fake.clientOptions, timeoutMs: 200 }`).
 */
export interface FakeClientOptions {
  readonly appId: string;
  readonly privateKey: string;
  readonly alipayPublicKey: string;
  /** The URL the fake answers on (an unresolvable `.test` host, so nothing leaves the process). */
  readonly gateway: string;
  readonly signType: AppSignType;
  /** 5000 ms: a hang guard on a loaded machine, not a speed target. */
  readonly timeoutMs: number;
  /** 2, the client's default: a scripted fault followed by a success still resolves. */
  readonly maxRetries: number;
  /** `{ initialMs: 1, maxMs: 5 }`: retries without the production backoff. */
  readonly retryDelay: { readonly initialMs: number; readonly maxMs: number };
  /** Present when the app has an AES key. */
  readonly encryptKey?: string;
}

/** What setupFakeGateway returns: the fake, the MSW server serving it, and a client's options. */
export interface FakeGatewaySetup {
  /** The fake itself: script outcomes (`nextCall`), change state, read `vouchers` and `requests`. */
  readonly gateway: FakeGateway;
  /** The MSW server with the fake's handlers (`server.use(...)` to override one in a test). */
  readonly server: SetupServer;
  /** The registered app, private key included. */
  readonly app: RegisteredApp & { readonly privateKey: string };
  /** Options for `createAlipayClient`. */
  readonly clientOptions: FakeClientOptions;
  /** The gateway URL of `clientOptions` (also intercepted: production, sandbox and `baseUrls`). */
  readonly url: string;
  /** Starts intercepting (`beforeAll`): `server.listen({ onUnhandledRequest })`. */
  listen(): void;
  /**
   * Isolates tests (`afterEach`): drops per-test MSW overrides, waits until no request is in flight
   * (a latency fault, a client that gave up), then resets the fake's state. The app stays registered.
   */
  reset(): Promise<void>;
  /** Waits until no request is in flight, then stops intercepting (`afterAll`). */
  close(): Promise<void>;
}
