import type { paths } from '@aopkit/types';
import createClient, { type Client } from 'openapi-fetch';

/** The openapi-fetch client over the spec's `paths`. */
export type GatewayApi = Client<paths>;

/**
 * Creates the typed openapi-fetch client. `fetch` is looked up per call, not captured here, so a
 * fetch patched later (MSW's `setupServer().listen()`) is honoured.
 */
export function createGatewayApi(baseUrl: string, fetchImpl?: typeof fetch): GatewayApi {
  return createClient<paths>({
    baseUrl,
    fetch: (request: Request) => (fetchImpl ?? globalThis.fetch)(request),
  });
}
