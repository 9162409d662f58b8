import type * as NodeHttp from 'node:http';
import { GATEWAY_PATH } from '@aopkit/types';
import { ControlError } from '../control/ControlError.js';
import { CONTROL_PREFIX, createControlHandler, errorResponse } from '../control/createControlHandler.js';
import { coreRegistry } from '../coreRegistry.js';
import { createGatewayCore } from '../createGatewayCore.js';
import { FakeGatewayError } from '../errors/FakeGatewayError.js';
import type { FakeGatewayCore, FakeGatewayOptions } from '../FakeGatewayCore.js';
import type { Outcome } from '../pipeline/processRequest.js';
import type { RawRequest } from '../request/readParams.js';
import { requireNodeBuiltin } from '../runtime/nodeBuiltin.js';
import { readBody, writeOutcome, writeResponse } from './nodeAdapter.js';

/** Options of startFakeGatewayServer: an existing gateway, or options to create one. */
export interface FakeGatewayServerOptions<G extends FakeGatewayCore = FakeGatewayCore> {
  /** 0 (the default) = any free port. */
  port?: number;
  /** Default 127.0.0.1: the fake is for loopback tests, not for the network. */
  host?: string;
  /** The gateway to serve (from createFakeGateway or createGatewayCore); default a new one from gatewayOptions. */
  gateway?: G;
  gatewayOptions?: FakeGatewayOptions;
  /**
   * Serve the control API under `/__aopkit/` (reset, next-call, vouchers, requests, templates, users,
   * apps; see its OpenAPI document). Default true. It has no authentication: it is served on `host` only.
   */
  control?: boolean;
  /** A larger request body gets HTTP 413 (JSON explaining it), not a reset. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * A client that has not sent its whole request (headers and body) within this time gets HTTP 408 and
   * the connection is closed: a slow or stalled sender cannot hold a socket. Default 30 000 ms.
   * The time the fake takes to answer (a latency fault) does not count.
   */
  requestTimeoutMs?: number;
}

/** A running fake gateway server. */
export interface FakeGatewayServer<G extends FakeGatewayCore = FakeGatewayCore> {
  /** `http://HOST:PORT/gateway.do`, what a client's `gateway` option takes. */
  url: string;
  /** `http://HOST:PORT/__aopkit/`, the base of the control API (when served). */
  controlUrl: string;
  port: number;
  /** The gateway served: the one given, or one made without MSW handlers (the server needs none). */
  gateway: G;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** The gateway's raw entry point; a gateway not made by createFakeGateway goes through handle(). */
function entryOf(gateway: FakeGatewayCore): (raw: RawRequest, method: string) => Promise<Outcome> {
  const core = coreRegistry.get(gateway);
  if (core) return (raw) => core(raw);
  return async (raw, method) => {
    const headers = raw.contentType === null ? undefined : { 'content-type': raw.contentType };
    const body = method === 'GET' ? null : (raw.body as Uint8Array<ArrayBuffer>);
    const response = await gateway.handle(new Request(raw.url, { method, headers, body }));
    if (typeof response === 'symbol') return response;
    const contentType = response.headers.get('content-type') ?? 'application/json';
    return { status: response.status, contentType, body: new Uint8Array(await response.arrayBuffer()) };
  };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new FakeGatewayError(`startFakeGatewayServer: ${name} must be a positive integer`, {
      code: 'ERR_FAKE_CONFIG',
      field: name,
    });
  }
  return value;
}

/**
 * Serves a fake gateway over real HTTP with node:http (for clients MSW cannot intercept, such as
 * alipay-sdk's urllib/undici, and for programs in other languages): `GET` and `POST /gateway.do`, and
 * the control API under `/__aopkit/`. A DROP destroys the socket with no response. Without `gateway`
 * it serves a new one made with createGatewayCore (no MSW handlers, so msw need not be installed).
 */
export function startFakeGatewayServer<G extends FakeGatewayCore>(
  options: FakeGatewayServerOptions<G> & { gateway: G },
): Promise<FakeGatewayServer<G>>;
export function startFakeGatewayServer(options?: FakeGatewayServerOptions): Promise<FakeGatewayServer>;
export async function startFakeGatewayServer(
  options: FakeGatewayServerOptions = {},
): Promise<FakeGatewayServer> {
  const maxBodyBytes = positive('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES);
  const requestTimeout = positive('requestTimeoutMs', options.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS);
  const gateway = options.gateway ?? createGatewayCore(options.gatewayOptions);
  const host = options.host ?? '127.0.0.1';
  const entry = entryOf(gateway);
  const control = options.control === false ? undefined : createControlHandler(gateway);

  const fail = (res: NodeHttp.ServerResponse, error: unknown) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    writeResponse(res, errorResponse(error)).catch(() => res.destroy());
  };
  const tooLarge = () =>
    new ControlError(`the request body is larger than ${maxBodyBytes} bytes (the server's maxBodyBytes)`, {
      code: 'ERR_CONTROL_BODY_TOO_LARGE',
    });

  const http = requireNodeBuiltin('node:http', 'startFakeGatewayServer needs Node.js (node:http)');
  const server = http.createServer(
    {
      requestTimeout,
      headersTimeout: requestTimeout,
      // How often Node checks those timeouts (its default, 30 s, would let a short timeout run long).
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(requestTimeout / 4))),
    },
    (req, res) => {
      const method = req.method ?? 'GET';
      const path = (req.url ?? '/').split('?')[0]!;
      const url = `http://${host}${req.url}`;
      let route: 'gateway' | 'control';
      if (path === GATEWAY_PATH) route = 'gateway';
      else if (control && path.startsWith(CONTROL_PREFIX)) route = 'control';
      else {
        const where = control ? ` and its control API under ${CONTROL_PREFIX}` : '';
        fail(
          res,
          new ControlError(`nothing at ${path}: the fake serves ${GATEWAY_PATH}${where}`, {
            code: 'ERR_CONTROL_NOT_FOUND',
          }),
        );
        return;
      }
      if (route === 'gateway' && method !== 'POST' && method !== 'GET') {
        fail(
          res,
          new ControlError(`${method} ${GATEWAY_PATH}: the gateway takes GET and POST`, {
            code: 'ERR_CONTROL_METHOD_NOT_ALLOWED',
            allow: 'GET, POST',
          }),
        );
        return;
      }
      readBody(req, maxBodyBytes)
        .then(async (body) => {
          // The rest of the body is read and discarded (readBody), so the client can finish sending and
          // read the 413: closing now would reset a client still writing. requestTimeout bounds it.
          if (body === undefined) return fail(res, tooLarge());
          if (route === 'control') {
            const hasBody = method !== 'GET' && method !== 'HEAD';
            const request = new Request(url, {
              method,
              headers: req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {},
              body: hasBody ? (body as Uint8Array<ArrayBuffer>) : null,
            });
            return writeResponse(res, await control!(request));
          }
          const contentType = req.headers['content-type'] ?? null;
          writeOutcome(res, await entry({ url, contentType, body }, method));
        })
        .catch((error: unknown) => fail(res, error));
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}${GATEWAY_PATH}`,
    controlUrl: `${origin}${CONTROL_PREFIX}`,
    port,
    gateway,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets would hold close() open
      }),
  };
}
