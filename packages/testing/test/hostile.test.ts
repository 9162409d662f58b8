import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixtures } from '../src/demoFixtures.js';
import { FakeGatewayError } from '../src/errors/FakeGatewayError.js';
import { type FakeGatewayServer, startFakeGatewayServer } from '../src/server/startFakeGatewayServer.js';
import { demoApp, okBiz } from './helpers/app.js';
import { buildRequest } from './helpers/buildRequest.js';

// Real sockets: what a hostile or broken client does to the loopback server.
const TIMEOUT_MS = 400;
let server: FakeGatewayServer;
beforeAll(async () => {
  server = await startFakeGatewayServer({
    gatewayOptions: { fixtures: demoFixtures },
    maxBodyBytes: 64 * 1024,
    requestTimeoutMs: TIMEOUT_MS,
  });
});
afterAll(() => server.close());

/** A raw TCP client: what it has read, and a promise for the server closing the connection. */
function rawClient(): { socket: Socket; read(): string; closed: Promise<void> } {
  const socket = connect(server.port, '127.0.0.1');
  let text = '';
  socket.setEncoding('latin1').on('data', (chunk: string) => (text += chunk));
  socket.on('error', () => {}); // a reset after the server closes is expected here
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return { socket, read: () => text, closed };
}

const until = async (test: () => boolean) => {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('a body over maxBodyBytes', () => {
  it('gets 413 with a JSON explanation, and the connection stays usable (no reset)', async () => {
    const { socket, read } = rawClient();
    const size = 256 * 1024; // four times the limit
    socket.write(`POST /gateway.do HTTP/1.1\r\nHost: x\r\nContent-Length: ${size}\r\n\r\n`);
    socket.write(Buffer.alloc(size, 'x'));
    await until(() => read().includes('}'));
    expect(read()).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(read()).toContain('content-type: application/json; charset=utf-8');
    const body = JSON.parse(read().slice(read().indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({
      error: {
        code: 'ERR_CONTROL_BODY_TOO_LARGE',
        message: "the request body is larger than 65536 bytes (the server's maxBodyBytes)",
      },
    });
    // The whole body was read and discarded: the same connection serves the next request.
    const before = read().length;
    socket.write('GET /__aopkit/health HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => read().slice(before).includes('"ok":true'));
    expect(read().slice(before)).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    socket.destroy();
  });

  it('sent chunked (no Content-Length): 413 all the same, read by a client that writes it all first', async () => {
    const chunks = 8;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(32 * 1024).fill(120));
        if (--pullsLeft === 0) controller.close();
      },
    });
    let pullsLeft = chunks;
    const res = await fetch(server.url, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('ERR_CONTROL_BODY_TOO_LARGE');
    expect(server.gateway.requests).toHaveLength(0); // never reached the gateway

    const viaHttp = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ port: server.port, method: 'POST', path: '/gateway.do' }, (r) => {
        r.resume().on('end', () => resolve(r.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(Buffer.alloc(200 * 1024, 'y')); // Content-Length, 200 KiB, written in full
    });
    expect(viaHttp).toBe(413);
  });
});

describe('a slow sender', () => {
  it('headers that never end: 408 and the connection is closed', async () => {
    const { socket, read, closed } = rawClient();
    socket.write('POST /gateway.do HTTP/1.1\r\nHost: x\r\n');
    await closed;
    expect(read()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('a body trickling in byte by byte: cut off once the request takes longer than requestTimeoutMs', async () => {
    const { socket, read, closed } = rawClient();
    socket.write('POST /gateway.do HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n');
    let sent = 0;
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write('x', () => sent++);
    }, 20);
    try {
      await closed;
    } finally {
      clearInterval(trickle);
    }
    expect(read()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(sent).toBeGreaterThan(0); // it was still sending when it was cut off
    expect(server.gateway.requests).toHaveLength(0);
  });

  it('a connection that sends nothing is closed', async () => {
    const { read, closed } = rawClient();
    await closed;
    expect(read()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('the time the fake takes to answer does not count: a latency longer than the timeout is answered', async () => {
    server.gateway.nextCall({ latencyMs: TIMEOUT_MS * 3 });
    const res = await fetch(await buildRequest({ app: demoApp, biz: okBiz('slow-1'), url: server.url }));
    expect(res.status).toBe(200);
    expect(JSON.parse(await res.text()).alipay_marketing_voucher_send_response.code).toBe('10000');
  });
});

describe('limits are checked', () => {
  it.each([
    ['maxBodyBytes', { maxBodyBytes: 0 }],
    ['maxBodyBytes', { maxBodyBytes: 1.5 }],
    ['requestTimeoutMs', { requestTimeoutMs: -1 }],
    ['requestTimeoutMs', { requestTimeoutMs: Number.NaN }],
  ])('%s %o: ERR_FAKE_CONFIG naming it', async (field, options) => {
    const error = await startFakeGatewayServer(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeGatewayError);
    expect(error).toMatchObject({ code: 'ERR_FAKE_CONFIG', field });
    expect((error as Error).message).toBe(`startFakeGatewayServer: ${field} must be a positive integer`);
  });
});
