import { createGatewayCore } from './createGatewayCore.js';
import { createHandlers } from './createHandlers.js';
import type { FakeGatewayOptions } from './FakeGatewayCore.js';
import type { FakeGateway } from './FakeGatewayWithHandlers.js';
import { gatewayUrlsOf } from './gatewayUrls.js';

/**
 * Creates a fake Alipay gateway for alipay.marketing.voucher.send: real RSA on both sides, state
 * (templates, users, vouchers, idempotency), scripted and seeded faults. Use `handlers` with MSW,
 * `handle` with anything that speaks Request/Response, or startFakeGatewayServer for real HTTP.
 * The gateway is createGatewayCore's, with MSW handlers added (so msw must be installed).
 *
 * The options are checked at once, own properties only: an unknown option, fixtures list or entry key,
 * a value of the wrong type or range throws FakeGatewayError (`ERR_FAKE_CONFIG`) naming the field and
 * listing the known values; a malformed key throws the signer's AlipayKeyError / AlipayCertificateError.
 */
export function createFakeGateway(options: FakeGatewayOptions = {}): FakeGateway {
  const core = createGatewayCore(options); // checks the options, baseUrls included
  const baseUrls = Object.hasOwn(options, 'baseUrls') ? options.baseUrls : undefined;
  // The same object, so the core's registry entry (coreRegistry) is the gateway's.
  return Object.assign(core, { handlers: createHandlers(gatewayUrlsOf(baseUrls), core.handle) });
}
