import { loadCharsetDecoder } from '@aopkit/signer';
import type { Charset, GatewayForm, paths } from '@aopkit/types';
import { AlipayConnectionError } from '../errors/AlipayConnectionError.js';
import { AlipayError } from '../errors/AlipayError.js';
import { AlipayResponseError } from '../errors/AlipayResponseError.js';
import { excerpt } from '../text/excerpt.js';
import type { BufferedAnswer } from './bufferedAnswer.js';
import type { GatewayApi } from './createGatewayApi.js';
import type { GatewayTransport } from './GatewayTransport.js';
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
  /** The client's transport (over its `fetch`, node:http, or `globalThis.fetch`), chosen at creation. */
  readonly transport: GatewayTransport;
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
 * What openapi-fetch builds for each call, passed as its `Request` option: the URL and method it
 * computed are all the transport needs, and undici's Request (which copies the body into a stream)
 * cost a tenth of a send's CPU.
 */
function GatewayRequest(url: string, init: { method: string }) {
  return { url, method: init.method };
}

/**
 * POSTs the form through the client's transport, to the URL openapi-fetch builds, and resolves to the
 * raw response text, untouched, for the signer to verify. Common parameters go in the query; `biz_content` and `app_auth_token` in the
 * body (as the Java SDK does). Rejects with a typed error; a user abort rejects with `signal.reason`.
 */
export async function postGateway(api: GatewayApi, exchange: GatewayExchange): Promise<string> {
  const { signal, timeoutMs, encodeValue, maxResponseBytes, transport } = exchange;
  const utf8 = exchange.charset === 'utf-8';
  // fetch's text() is always UTF-8. A GBK / GB2312 gateway answers with Java's bytes, so read them as Java
  // does: WHATWG's TextDecoder('gbk') reads € (A2E3) and ♁ (A892) as other characters and has no GB2312
  // of its own, and the signature would be checked over other text. The value encoder loaded it already.
  const decode = utf8 ? undefined : await loadCharsetDecoder(exchange.charset);
  signal?.throwIfAborted();
  const body = Object.entries(exchange.form as Record<string, string | undefined>)
    .flatMap(([k, v]) => (v === undefined || v === '' ? [] : [`${k}=${encodeValue(v)}`]))
    .join('&');
  const headers = { 'Content-Type': `application/x-www-form-urlencoded;charset=${exchange.charset}` };
  let result: Awaited<ReturnType<GatewayApi['POST']>>;
  let text: string | undefined;
  try {
    result = await api.POST('/gateway.do', {
      params: { query: exchange.query },
      parseAs: utf8 ? 'text' : 'arrayBuffer',
      // openapi-fetch builds the URL from the spec's path and the typed query, and reads the answer. The
      // form (typed GatewayForm) and its content type go to the transport as they are: handed to
      // openapi-fetch, they would only be serialised and validated into a Request nobody reads. The
      // transport sends them bounded, with the timeout and the caller's signal, never following a redirect.
      Request: GatewayRequest as unknown as typeof Request,
      fetch: (request) =>
        transport(request.url, {
          method: request.method,
          headers,
          body,
          signal,
          timeoutMs,
          maxResponseBytes,
        }) as Promise<Response & BufferedAnswer>,
    });
    const data: unknown = result.data;
    if (typeof data === 'string') text = data;
    else if (data instanceof ArrayBuffer && decode) text = decode(new Uint8Array(data));
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (cause instanceof AlipayError) throw cause; // a timeout, or the body over maxResponseBytes
    throw new AlipayConnectionError(`could not complete the request to the gateway: ${describe(cause)}`, {
      cause,
    });
  }
  const { status } = result.response;
  if (status !== 200) throw new AlipayResponseError(`the gateway answered HTTP ${status}`, { status });
  if (text === undefined || text === '')
    throw new AlipayResponseError('the gateway answered with an empty body', { status });
  return text;
}
