// @aopkit/testing/server — the fake gateway on a loopback HTTP server, and its control API, without msw:
// nothing reachable from this entry imports msw, so it runs in a project where msw is not installed.

// The control API (`/__aopkit/…`), transport-neutral
export { CONTROL_PREFIX, createControlHandler } from './control/createControlHandler.js';
// The fake, without MSW handlers
export { createGatewayCore } from './createGatewayCore.js';
export { DROP } from './DROP.js';
// Fixtures and keys (FAKE, public test keys)
export { demoFixtures } from './demoFixtures.js';
// Its error class, and the types of the fake
export { FakeGatewayError, type FakeGatewayErrorCode } from './errors/FakeGatewayError.js';
export type {
  AppSignType,
  FakeApp,
  FakeGatewayCore,
  FakeGatewayFixtures,
  FakeGatewayOptions,
  FakeTemplate,
  FakeUser,
  FaultKind,
  FaultOptions,
  IssuedVoucher,
  RegisteredApp,
  RequestLogEntry,
  ScriptedOutcome,
  Verdict,
} from './FakeGatewayCore.js';
export { DEMO_ALIPAY_KEYS, DEMO_APP_KEYS } from './keys/demoKeys.js';
export { TIMESTAMP_WINDOW_MS } from './pipeline/checkCommonParams.js';
// Real HTTP
export {
  type FakeGatewayServer,
  type FakeGatewayServerOptions,
  startFakeGatewayServer,
} from './server/startFakeGatewayServer.js';
