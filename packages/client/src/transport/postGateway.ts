import { loadCharsetDecoder } from '@aopkit/signer';
import type { Charset, GatewayForm, paths } from '@aopkit/types';
import { AlipayConnectionError } from '../errors/AlipayConnectionError.js';
import { AlipayError } from '../errors/AlipayError.js';
import { AlipayResponseError } from '../errors/AlipayResponseError.js';
import { AlipayTimeoutError } from '../errors/AlipayTimeoutError.js';
import { excerpt } from '../text/excerpt.js';
import { boundedBody } from './boundedBody.js';
import type { GatewayApi } from './createGatewayApi.js';
import type { GatewayFetch } from './nodeFetch.js';
import type { ValueEncoder } from './valueEncoder.js';

/** The common parameters of the URL query, as the spec types them. */
export type GatewayQuery = paths['/gateway.do']['post']['parameters']['query'];

/** One HTTP exchange with the gateway. */
export interface GatewayExchange {
  readonly query: GatewayQuery;
  readonly form: GatewayForm;
  readonly charset: Charset;
  readonly encodeValue: ValueEncoder;
  readonly timeoutMs: number;
  /** The most response-body bytes read, on every transport. */
  readonly maxResponseBytes: number;
  readonly signal?: AbortSignal | undefined;
  /** The client's transport (its `fetch`, or node:http, or `globalThis.fetch`), chosen at creation. */
  readonly fetch: GatewayFetch;
}

// Bounded, and never String() of an arbitrary object (a null-prototype one throws TypeError).
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return typeof cause === 'string' ? excerpt(cause, 200) : typeof cause;
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = inner?.code ?? inner?.message;
  const shown = typeof detail === 'string' || typeof detail === 'number' ? ` (${detail})` : '';
  return excerpt(`${cause.message}${shown}`, 200);
}

/**
 * POSTs the form with openapi-fetch and resolves to the raw response text, untouched, for the
 * signer to verify. Common parameters go in the query; `biz_content` and `app_auth_token` in the
 * body (as the Java SDK does). Rejects with a typed error; a user abort rejects with `signal.reason`.
 */
export async function postGateway(api: GatewayApi, exchange: GatewayExchange): Promise<string> {
  const { signal: userSignal, timeoutMs, encodeValue, maxResponseBytes } = exchange;
  const utf8 = exchange.charset === 'utf-8';
  // fetch's text() is always UTF-8. A GBK / GB2312 gateway answers with Java's bytes, so read them as Java
  // does: WHATWG's TextDecoder('gbk') reads € (A2E3) and ♁ (A892) as other characters and has no GB2312
  // of its own, and the signature would be checked over other text. The value encoder loaded it already.
  const decode = utf8 ? undefined : await loadCharsetDecoder(exchange.charset);
  userSignal?.throwIfAborted();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = userSignal ? AbortSignal.any([userSignal, timeout.signal]) : timeout.signal;
  const body = Object.entries(exchange.form as Record<string, string | undefined>)
    .flatMap(([k, v]) => (v === undefined || v === '' ? [] : [`${k}=${encodeValue(v)}`]))
    .join('&');
  const fetchImpl = exchange.fetch;
  let result: Awaited<ReturnType<GatewayApi['POST']>>;
  let text: string | undefined;
  try {
    result = await api.POST('/gateway.do', {
      params: { query: exchange.query },
      body: exchange.form,
      bodySerializer: () => body,
      headers: { 'Content-Type': `application/x-www-form-urlencoded;charset=${exchange.charset}` },
      parseAs: utf8 ? 'text' : 'arrayBuffer',
      signal,
      // openapi-fetch builds the URL, query and headers; the call itself goes out as fetch(url, init)
      // with the body text, because undici's fetch(Request) re-streams the body at about twice the CPU.
      // Never follow a redirect: fetch would re-post the signed form (app_auth_token included) to
      // wherever Location points, or turn a 302 into a GET. A 3xx is reported, as node:http does.
      // The body is read here, bounded, before openapi-fetch's text()/arrayBuffer() could read an
      // endless one (node:http bounds its own as it reads).
      fetch: async (request) =>
        boundedBody(
          await fetchImpl(request.url, {
            method: request.method,
            headers: request.headers,
            body,
            signal,
            redirect: 'manual',
            maxResponseBytes,
          }),
          maxResponseBytes,
        ),
    });
    const data: unknown = result.data;
    if (typeof data === 'string') text = data;
    else if (data instanceof ArrayBuffer && decode) text = decode(new Uint8Array(data));
  } catch (cause) {
    if (userSignal?.aborted) throw userSignal.reason;
    if (timeout.signal.aborted) throw new AlipayTimeoutError(timeoutMs, { cause });
    if (cause instanceof AlipayError) throw cause; // the body over maxResponseBytes
    throw new AlipayConnectionError(`could not complete the request to the gateway: ${describe(cause)}`, {
      cause,
    });
  } finally {
    clearTimeout(timer);
  }
  const { status } = result.response;
  if (status !== 200) throw new AlipayResponseError(`the gateway answered HTTP ${status}`, { status });
  if (text === undefined || text === '')
    throw new AlipayResponseError('the gateway answered with an empty body', { status });
  return text;
}
