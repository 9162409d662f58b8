import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSigner } from '@aopkit/signer';
import { RESPONSE_NODE } from '@aopkit/types';

/** One request as the loopback server saw it: query and form merged. */
export interface LoopbackRequest {
  readonly params: Record<string, string>;
}

/** What to answer: a node signed with the Alipay private key, or a raw handler. */
export type LoopbackReply =
  | { readonly node: Record<string, unknown> }
  | ((req: IncomingMessage, res: ServerResponse) => void);

/**
 * A real node:http server on 127.0.0.1 standing in for the gateway: it answers each request as
 * `reply` says, signing response nodes with a real Alipay private key (nothing is stubbed away).
 */
export async function startLoopbackServer(
  alipayPrivateKey: string,
  reply: (req: LoopbackRequest, n: number) => LoopbackReply,
) {
  const signer = createSigner({ privateKey: alipayPrivateKey });
  const seen: LoopbackRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', async () => {
      const url = new URL(req.url!, 'http://127.0.0.1');
      const params = {
        ...Object.fromEntries(url.searchParams),
        ...Object.fromEntries(new URLSearchParams(body)),
      };
      seen.push({ params });
      const answer = reply({ params }, seen.length);
      if (typeof answer === 'function') return answer(req, res);
      const content = JSON.stringify(answer.node);
      const sign = await signer.signString(content);
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
      res.end(`{"${RESPONSE_NODE}":${content},"sign":"${sign}"}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gateway.do`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url, seen, close };
}

/** The two roads a request takes: node:http (the default on Node) and an injected fetch (undici). */
export const TRANSPORTS = [
  ['node:http, the default on Node', {}],
  [
    'an injected fetch (undici)',
    { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init) },
  ],
] as const;
