// @aopkit/testing/setup — the fake gateway behind MSW, with a client's options ready: Node only.

export type {
  FakeClientOptions,
  FakeGatewaySetup,
  SetupAppOptions,
  SetupFakeGatewayOptions,
  UnhandledRequestStrategy,
} from './FakeGatewaySetup.js';
export { FAKE_GATEWAY_URL, setupFakeGateway } from './setupFakeGateway.js';
