import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BufferedAnswer } from '../src/transport/bufferedAnswer.js';
import { loadNodeTransport, nodeHttpTransport } from '../src/transport/nodeHttpTransport.js';
import { clientOf, fakeGateway, nextOutBizNo, USER } from './helpers/fakeSetup.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

// A real server on loopback that records what arrived and answers per path.
let server: Server;
let base: string;
const seen: Seen[] = [];
const routes: Record<string, (res: ServerResponse) => void> = {
  '/ok': (res) => {
    res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'x-twice': ['a', 'b'] });
    res.end('{"ok":"回环"}');
  },
  '/busy': (res) => {
    res.writeHead(503, { 'content-type': 'text/plain' });
    res.end('busy');
  },
  '/empty': (res) => {
    res.writeHead(204);
    res.end();
  },
  '/hang': () => {},
  // Headers and part of the body, then the connection dies (or, for /trickle, nothing more comes).
  '/cut': (res) => {
    res.writeHead(200, { 'content-length': '100' });
    res.write('{"partial":');
    setTimeout(() => res.socket?.destroy(), 20);
  },
  '/trickle': (res) => {
    res.writeHead(200, { 'content-length': '100' });
    res.write('{"partial":');
  },
};
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      routes[new URL(req.url!, 'http://x').pathname]!(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const post = nodeHttpTransport((id) => process.getBuiltinModule(id));
const init = (signal = new AbortController().signal) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
  body: 'biz_content=%7B%22memo%22%3A%22%E5%9B%9E%22%7D',
  signal,
  timeoutMs: 10_000,
  maxResponseBytes: 1 << 20,
});

describe('nodeHttpTransport (the Node transport) over real loopback HTTP', () => {
  it('sends the method, query, headers and body as given, with a Content-Length', async () => {
    const response = await post(`${base}/ok?app_id=1&sign=a%2Bb`, init());
    const request = seen.at(-1)!;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/ok?app_id=1&sign=a%2Bb',
      body: 'biz_content=%7B%22memo%22%3A%22%E5%9B%9E%22%7D',
    });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=utf-8');
    expect(request.headers['content-length']).toBe(String(init().body.length));
    expect(request.headers['transfer-encoding']).toBeUndefined();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"ok":"回环"}');
  });

  it('returns the answer read whole: every header (repeated ones joined), the raw bytes', async () => {
    const response = await post(`${base}/ok`, init());
    // Not undici's Response: the body is already in memory, so no web stream is built for it.
    expect(response).toBeInstanceOf(BufferedAnswer);
    expect(response.headers.get('Content-Type')).toBe('application/json;charset=utf-8');
    expect(response.headers.get('x-absent')).toBeNull();
    expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(response.headers.get('x-twice')).toBe('a, b');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(
      new Uint8Array(Buffer.from('{"ok":"回环"}')),
    );
  });

  it('passes other statuses through for the caller to judge, with their body', async () => {
    const busy = await post(`${base}/busy`, init());
    expect([busy.status, busy.ok, await busy.text()]).toEqual([503, false, 'busy']);
    const empty = await post(`${base}/empty`, init());
    expect([empty.status, empty.body]).toEqual([204, null]);
  });

  it('rejects with the abort reason when the signal aborts, and closes the socket', async () => {
    const controller = new AbortController();
    const closed = new Promise<void>((resolve) =>
      server.once('request', (req) => req.socket.on('close', resolve)),
    );
    const pending = post(`${base}/hang`, init(controller.signal));
    await vi.waitFor(() => expect(seen.at(-1)?.url).toBe('/hang'));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await closed;
  });

  it('rejects with ERR_TIMEOUT past timeoutMs, and closes the socket (one timer, no AbortController)', async () => {
    const closed = new Promise<void>((resolve) =>
      server.once('request', (req) => req.socket.on('close', resolve)),
    );
    const started = performance.now();
    await expect(post(`${base}/hang`, { ...init(), timeoutMs: 60 })).rejects.toMatchObject({
      name: 'AlipayTimeoutError',
      code: 'ERR_TIMEOUT',
      timeoutMs: 60,
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    await closed;
  });

  it('never times out an answer that arrived in time (the timer is cleared)', async () => {
    const response = await post(`${base}/ok`, { ...init(), timeoutMs: 30 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await response.text()).toBe('{"ok":"回环"}');
  });

  it('rejects when the connection dies in the middle of the body', async () => {
    await expect(post(`${base}/cut`, init())).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('rejects when the signal aborts in the middle of the body', async () => {
    const controller = new AbortController();
    const pending = post(`${base}/trickle`, init(controller.signal));
    await vi.waitFor(() => expect(seen.at(-1)?.url).toBe('/trickle'));
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects with the socket error (its code) when nothing listens', async () => {
    const idle = http.createServer();
    await new Promise<void>((resolve) => idle.listen(0, '127.0.0.1', resolve));
    const { port } = idle.address() as AddressInfo;
    await new Promise<void>((resolve) => idle.close(() => resolve()));
    await expect(post(`http://127.0.0.1:${port}/ok`, init())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('picks node:https for https URLs', async () => {
    const asked: string[] = [];
    const routed = nodeHttpTransport((id) => {
      asked.push(id);
      return process.getBuiltinModule(id);
    });
    await routed(`${base}/ok`, init());
    // An https URL to a plain-HTTP port: the TLS handshake fails, which shows node:https was used.
    await expect(routed(`${base.replace('http:', 'https:')}/ok`, init())).rejects.toThrow();
    expect(asked).toEqual(['node:http', 'node:https']);
  });

  it('is what the client uses on Node when no fetch is injected: every request goes through http.request', async () => {
    expect(loadNodeTransport()).toBeTypeOf('function');
    const gateway = fakeGateway();
    const { startFakeGatewayServer } = await import('@aopkit/testing');
    const fake = await startFakeGatewayServer({ port: 0, gateway });
    const spy = vi.spyOn(http, 'request');
    try {
      const client = clientOf(gateway, { gateway: fake.url });
      const result = await client.marketing.voucher.send({
        template_id: 'T_VOUCHER',
        out_biz_no: nextOutBizNo('node-http'),
        user_id: USER.user_id,
      });
      expect(result.voucher_id).toBe(gateway.vouchers.at(-1)!.voucher_id);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(String(spy.mock.calls[0]![0])).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/gateway\.do\?/);
    } finally {
      spy.mockRestore();
      await fake.close();
    }
  });

  it('does not depend on load order: a globalThis.fetch replaced after load is used only with transport: fetch', async () => {
    const gateway = fakeGateway();
    const { startFakeGatewayServer } = await import('@aopkit/testing');
    const fake = await startFakeGatewayServer({ port: 0, gateway });
    const original = globalThis.fetch;
    const seenByWrapper: string[] = [];
    globalThis.fetch = (input, init) => {
      seenByWrapper.push(String(input));
      return original(input, init);
    };
    const spy = vi.spyOn(http, 'request');
    try {
      const send = (client: ReturnType<typeof clientOf>, tag: string) =>
        client.marketing.voucher.send({
          template_id: 'T_VOUCHER',
          out_biz_no: nextOutBizNo(tag),
          user_id: USER.user_id,
        });
      // The default on Node is node:http, whatever globalThis.fetch is now.
      await send(clientOf(gateway, { gateway: fake.url }), 'default-transport');
      expect(spy).toHaveBeenCalledTimes(1);
      expect(seenByWrapper).toEqual([]);
      // Asked for, fetch is looked up per call: the replaced one.
      await send(clientOf(gateway, { gateway: fake.url, transport: 'fetch' }), 'fetch-transport');
      expect(seenByWrapper).toHaveLength(1);
      expect(seenByWrapper[0]).toMatch(/\/gateway\.do\?/);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      globalThis.fetch = original;
      spy.mockRestore();
      await fake.close();
    }
  });

  it('refuses a transport it does not know, and node-http beside a fetch of your own', () => {
    const gateway = fakeGateway();
    expect(() => clientOf(gateway, { transport: 'undici' as never })).toThrow(
      expect.objectContaining({ name: 'AlipayValidationError', field: 'transport', rule: 'enum' }),
    );
    expect(() => clientOf(gateway, { transport: 'node-http', fetch: globalThis.fetch })).toThrow(
      expect.objectContaining({ name: 'AlipayValidationError', field: 'transport', rule: 'conflict' }),
    );
    expect(() => clientOf(gateway, { transport: 'fetch', fetch: globalThis.fetch })).not.toThrow();
  });
});
