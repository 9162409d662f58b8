import { GATEWAYS } from '@aopkit/types';
import { invalidOption, shown } from './invalidOption.js';

const GATEWAY_PATH = '/gateway.do';

/**
 * Resolves `gateway` to the base URL openapi-fetch prefixes to the spec's `/gateway.do` path:
 * a named environment, or any http(s) URL with or without that path.
 */
export function readGateway(value: unknown): string {
  const url = value === undefined ? GATEWAYS.production : namedGateway(value);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw invalidOption(
      'gateway',
      'pattern',
      `must be 'production', 'sandbox' or an http(s) URL (got ${shown(value)})`,
      cause,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw invalidOption(
      'gateway',
      'pattern',
      `must be an http(s) URL (got protocol ${shown(parsed.protocol)})`,
    );
  }
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') {
    throw invalidOption(
      'gateway',
      'pattern',
      'must not carry a query, fragment or credentials: the client adds the query',
    );
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  const base = path.endsWith(GATEWAY_PATH) ? path.slice(0, -GATEWAY_PATH.length) : path;
  return `${parsed.origin}${base}`;
}

function namedGateway(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw invalidOption(
      'gateway',
      'type',
      `must be 'production', 'sandbox' or a URL string (got ${shown(value)})`,
    );
  }
  return Object.hasOwn(GATEWAYS, value) ? GATEWAYS[value as keyof typeof GATEWAYS] : value;
}
