import type { paths } from '@aopkit/types';
import type { Client } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';

/** The openapi-fetch client over the spec's `paths`. */
export type GatewayApi = Client<paths>;

type CreateClient = typeof openapiFetch.default;

/**
 * openapi-fetch's function, whichever build of it loaded. Its CommonJS build sets `exports.default`
 * without `__esModule`, so in our CommonJS bundle the interop (Node's rule: default = module.exports)
 * hands back the whole exports object as `default`; the function is then its `default`.
 */
const createClient: CreateClient =
  typeof openapiFetch.default === 'function'
    ? openapiFetch.default
    : (openapiFetch.default as unknown as { default: CreateClient }).default;

/**
 * Creates the typed openapi-fetch client. It never fetches on its own: `postGateway` passes each call's
 * transport as that call's `fetch`.
 */
export function createGatewayApi(baseUrl: string): GatewayApi {
  return createClient<paths>({ baseUrl });
}
