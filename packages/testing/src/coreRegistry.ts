import type { FakeGatewayCore } from './FakeGatewayCore.js';
import type { Outcome } from './pipeline/processRequest.js';
import type { RawRequest } from './request/readParams.js';

/**
 * Each gateway's raw-bytes entry point, kept off the public object: the standalone server feeds it
 * Node's buffers directly instead of building a Request and a Response per call.
 */
export const coreRegistry = new WeakMap<FakeGatewayCore, (raw: RawRequest) => Promise<Outcome>>();
