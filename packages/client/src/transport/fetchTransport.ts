import { AlipayTimeoutError } from '../errors/AlipayTimeoutError.js';
import { boundedBody } from './boundedBody.js';
import type { GatewayTransport } from './GatewayTransport.js';

/** A fetch as users pass it (`globalThis.fetch` fits). */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A transport over a fetch: the timeout as `AbortSignal.timeout` (joined with the caller's signal), a
 * redirect reported, never followed (fetch would re-post the signed form, app_auth_token included,
 * to wherever Location points, or turn a 302 into a GET), and the body read here, bounded.
 */
export function fetchTransport(fetchImpl: FetchFunction): GatewayTransport {
  return async (url, { method, headers, body, signal: userSignal, timeoutMs, maxResponseBytes }) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = userSignal ? AbortSignal.any([userSignal, timeout]) : timeout;
    try {
      const response = await fetchImpl(url, { method, headers, body, signal, redirect: 'manual' });
      return await boundedBody(response, maxResponseBytes);
    } catch (cause) {
      throw timeout.aborted ? new AlipayTimeoutError(timeoutMs, { cause }) : cause;
    }
  };
}

/** `globalThis.fetch`, looked up on every call, so a fetch patched at any time (MSW) is the one used. */
export const globalFetchTransport: GatewayTransport = fetchTransport((url, init) =>
  globalThis.fetch(url, init),
);
