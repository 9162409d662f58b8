import { AlipayTimeoutError } from '../errors/AlipayTimeoutError.js';
import { nodeBuiltins } from '../runtime/nodeBuiltin.js';
import { concat, responseTooLarge } from './boundedBody.js';
import { BufferedAnswer, nodeHeaders } from './bufferedAnswer.js';
import type { GatewayTransport } from './GatewayTransport.js';

// The few members of node:http(s) used here, typed locally so the package's types don't need @types/node.
interface NodeIncoming {
  readonly statusCode?: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}
interface NodeOutgoing {
  on(event: 'error', listener: (error: Error) => void): this;
  end(body: string): void;
  destroy(error?: Error): void;
}
interface NodeHttpModule {
  request(
    url: string,
    options: { method: string; headers: Readonly<Record<string, string>>; signal?: AbortSignal | undefined },
    onResponse: (response: NodeIncoming) => void,
  ): NodeOutgoing;
}
type GetBuiltinModule = (id: 'node:http' | 'node:https') => NodeHttpModule;

/**
 * The gateway POST over node:http(s), the default on Node. Same wire bytes as fetch, at about half
 * the CPU per send of undici's fetch with its Request, Response and web streams: the answer is read into
 * a {@link BufferedAnswer}, and the timeout is one timer that destroys the request (no
 * AbortController per call). The module is looked up per call, so interceptors that patch
 * `http.request` (MSW's `setupServer`, tracing agents) see every request. Keep-alive comes from
 * Node's global agent.
 */
export function nodeHttpTransport(getBuiltinModule: GetBuiltinModule): GatewayTransport {
  return (url, init) =>
    new Promise<BufferedAnswer>((resolve, reject) => {
      const { method, body, signal, timeoutMs, maxResponseBytes: limit } = init;
      const http = getBuiltinModule(url.startsWith('https:') ? 'node:https' : 'node:http');
      const fail = (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      };
      // signal: Node destroys the request (and a response still streaming) when it aborts.
      const request = http.request(url, { method, headers: init.headers, signal }, (incoming) => {
        const chunks: Uint8Array[] = [];
        let total = 0;
        incoming.on('data', (chunk) => {
          total += chunk.byteLength;
          if (total <= limit) {
            chunks.push(chunk);
            return;
          }
          // Past the limit: stop reading and destroy the request (its socket too), so an endless
          // body costs at most `limit` bytes of memory. Reject first: destroying may emit an error.
          fail(responseTooLarge(limit, incoming.statusCode ?? 0));
          request.destroy();
        });
        incoming.on('end', () => {
          clearTimeout(timer);
          if (total > limit) return; // rejected already
          resolve(
            new BufferedAnswer(
              incoming.statusCode ?? 0,
              nodeHeaders(incoming.headers),
              concat(chunks, total),
            ),
          );
        });
        incoming.on('error', fail);
      });
      request.on('error', fail);
      // Events come only after this tick, so `fail` and 'end' always find the timer set.
      const timer = setTimeout(() => request.destroy(new AlipayTimeoutError(timeoutMs)), timeoutMs);
      request.end(body);
    });
}

interface NodeProcess {
  readonly versions?: Readonly<Record<string, string | undefined>>;
}

/**
 * {@link nodeHttpTransport} on Node itself, else undefined (fetch is then used). Bun and Deno also offer
 * node:http, but build it on their own fetch, so there it would only add a layer.
 */
export function loadNodeTransport(): GatewayTransport | undefined {
  const versions = (globalThis as { process?: NodeProcess }).process?.versions;
  if (!versions?.node || versions.bun || versions.deno) return undefined;
  return loadNodeHttpTransport();
}

/** {@link nodeHttpTransport} wherever `process.getBuiltinModule` offers node:http (asked for explicitly). */
export function loadNodeHttpTransport(): GatewayTransport | undefined {
  const get = nodeBuiltins<NodeHttpModule>();
  return get && nodeHttpTransport(get);
}
