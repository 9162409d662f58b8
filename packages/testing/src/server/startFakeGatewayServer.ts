import type * as NodeHttp from 'node:http';
import { coreRegistry } from '../coreRegistry.js';
import { createFakeGateway } from '../createFakeGateway.js';
import type { FakeGateway, FakeGatewayOptions } from '../FakeGateway.js';
import type { Outcome } from '../pipeline/processRequest.js';
import type { RawRequest } from '../request/readParams.js';
import { readBody, writeOutcome } from './nodeAdapter.js';

/** Options of startFakeGatewayServer: an existing gateway, or options to create one. */
export interface FakeGatewayServerOptions {
  /** 0 (the default) = any free port. */
  port?: number;
  /** Default 127.0.0.1: the fake is for loopback tests, not for the network. */
  host?: string;
  gateway?: FakeGateway;
  gatewayOptions?: FakeGatewayOptions;
}

/** A running fake gateway server. */
export interface FakeGatewayServer {
  /** `http://HOST:PORT/gateway.do`, what a client's `gateway` option takes. */
  url: string;
  port: number;
  gateway: FakeGateway;
  close(): Promise<void>;
}

function nodeHttp(): typeof NodeHttp {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  if (typeof proc?.getBuiltinModule !== 'function') throw new Error('startFakeGatewayServer needs Node.js');
  return proc.getBuiltinModule('node:http');
}

/** The gateway's raw entry point; a gateway not made by createFakeGateway goes through handle(). */
function entryOf(gateway: FakeGateway): (raw: RawRequest) => Promise<Outcome> {
  const core = coreRegistry.get(gateway);
  if (core) return core;
  return async (raw) => {
    const headers = raw.contentType === null ? undefined : { 'content-type': raw.contentType };
    const response = await gateway.handle(
      new Request(raw.url, { method: 'POST', headers, body: raw.body as Uint8Array<ArrayBuffer> }),
    );
    if (typeof response === 'symbol') return response;
    const contentType = response.headers.get('content-type') ?? 'application/json';
    return { status: response.status, contentType, body: new Uint8Array(await response.arrayBuffer()) };
  };
}

/**
 * Serves a fake gateway over real HTTP with node:http (for clients MSW cannot intercept, such as
 * alipay-sdk's urllib/undici). POST /gateway.do only; a DROP destroys the socket with no response.
 */
export async function startFakeGatewayServer(
  options: FakeGatewayServerOptions = {},
): Promise<FakeGatewayServer> {
  const gateway = options.gateway ?? createFakeGateway(options.gatewayOptions);
  const host = options.host ?? '127.0.0.1';
  const entry = entryOf(gateway);
  const server = nodeHttp().createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/gateway.do') {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('Not found: the fake gateway serves /gateway.do\n');
      return;
    }
    if (req.method !== 'POST') {
      res
        .writeHead(405, { allow: 'POST', 'content-type': 'text/plain' })
        .end('Method not allowed: use POST\n');
      return;
    }
    readBody(req)
      .then((body) =>
        entry({ url: `http://${host}${req.url}`, contentType: req.headers['content-type'] ?? null, body }),
      )
      .then((outcome) => writeOutcome(res, outcome))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake gateway error: ${error instanceof Error ? error.message : String(error)}\n`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/gateway.do`,
    port,
    gateway,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets would hold close() open
      }),
  };
}
