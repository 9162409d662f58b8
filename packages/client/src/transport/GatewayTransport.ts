import type { BufferedAnswer } from './bufferedAnswer.js';

/** One POST to the gateway, as postGateway hands it to the transport. */
export interface GatewayTransportInit {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The caller's signal: aborting destroys the request and rejects the call. */
  readonly signal?: AbortSignal | undefined;
  /** Past this many ms the request is destroyed and the call rejects with `ERR_TIMEOUT`. */
  readonly timeoutMs: number;
  /** The most body bytes read; past it the request is destroyed and the call rejects with `ERR_RESPONSE_TOO_LARGE`. */
  readonly maxResponseBytes: number;
}

/**
 * A transport: sends one request, resolves to the answer read whole (bounded), rejects with the
 * transport's error (a timeout or an oversized body already typed). Redirects are never followed.
 */
export type GatewayTransport = (url: string, init: GatewayTransportInit) => Promise<BufferedAnswer>;
