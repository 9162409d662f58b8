import { GATEWAY_PATH, GATEWAYS } from '@aopkit/types';

/** A base URL as a gateway URL: `/gateway.do` appended unless it is already there. */
export function gatewayUrlOf(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.endsWith(GATEWAY_PATH) ? trimmed : `${trimmed}${GATEWAY_PATH}`;
}

/** The URLs the MSW handlers answer: production, sandbox, then each of `baseUrls`. */
export function gatewayUrlsOf(baseUrls: readonly string[] = []): string[] {
  return [GATEWAYS.production, GATEWAYS.sandbox, ...baseUrls.map(gatewayUrlOf)];
}
