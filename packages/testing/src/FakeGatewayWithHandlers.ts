import type { RequestHandler } from 'msw';
import type { FakeGatewayCore } from './FakeGatewayCore.js';

// Apart from FakeGatewayCore.ts: the only type that names msw's, so that the declarations of the msw-free
// entry (@aopkit/testing/server) never import msw.

/** A faithful, stateful fake of the Alipay gateway for alipay.marketing.voucher.send. */
export interface FakeGateway extends FakeGatewayCore {
  /** MSW handlers for POST and GET <production | sandbox | each baseUrl>/gateway.do. */
  readonly handlers: RequestHandler[];
}
