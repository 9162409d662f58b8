// @aopkit/testing — a faithful, stateful fake of the Alipay gateway, real cryptography included.

// The fake
export { createFakeGateway } from './createFakeGateway.js';
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
export type { FakeGateway } from './FakeGatewayWithHandlers.js';
export { DEMO_ALIPAY_PUBLIC_CERT, DEMO_ALIPAY_ROOT_CERT, DEMO_APP_CERT } from './keys/demoCerts.js';
export { DEMO_ALIPAY_KEYS, DEMO_APP_KEYS } from './keys/demoKeys.js';
export { TIMESTAMP_WINDOW_MS } from './pipeline/checkCommonParams.js';
// Real HTTP
export {
  type FakeGatewayServer,
  type FakeGatewayServerOptions,
  startFakeGatewayServer,
} from './server/startFakeGatewayServer.js';
