import { GATEWAY_PATH, GATEWAYS } from '@aopkit/types';
import { invalidOption, shown } from './invalidOption.js';

/**
 * Whether a URL's hostname is a loopback host: 127.0.0.0/8, `[::1]` or `localhost`. (The URL parser
 * has already normalised it: `127.1` is `127.0.0.1`, `LOCALHOST` is `localhost`.)
 */
export const isLoopbackHost = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/**
 * Resolves `gateway` to the base URL openapi-fetch prefixes to the spec's `/gateway.do` path: a
 * named environment, or an https URL with or without that path. Plain http is accepted only for a
 * loopback host, where a fake gateway runs: elsewhere it would carry the signed request and the
 * app_auth_token in clear. Messages never show the value (only a short one): a token or key pasted
 * here by mistake must not reach a log.
 */
export function readGateway(value: unknown): string {
  const url = value === undefined ? GATEWAYS.production : namedGateway(value);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // No cause: the URL parser's error quotes the input.
    throw invalidOption(
      'gateway',
      'pattern',
      `must be 'production', 'sandbox' or an https URL (got ${shown(value)})`,
    );
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw invalidOption(
      'gateway',
      'pattern',
      'must use https: (http: only on a loopback host (127.0.0.0/8, [::1], localhost), where a fake gateway runs): write the URL with https://',
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw invalidOption('gateway', 'pattern', "must be an https URL, 'production' or 'sandbox'");
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
