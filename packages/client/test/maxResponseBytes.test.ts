import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlipayResponseError, createAlipayClient } from '../src/index.js';
import { testKeys } from './helpers/keys.js';
import { TRANSPORTS } from './helpers/loopbackServer.js';

// A real loopback server whose answer never ends (bounded all the same: it stops by itself after
// CAP bytes or 20 s, so a client that kept reading would fail the test, not hang the machine).
const CHUNK = Buffer.alloc(64 * 1024, 'x');
const CAP = 256 * 1024 * 1024;
interface Stream {
  written: number;
  closedEarly: boolean;
}
const streams: Stream[] = [];

function endless(res: ServerResponse, headers: Record<string, string> = {}) {
  const stream: Stream = { written: 0, closedEarly: false };
  streams.push(stream);
  const until = Date.now() + 20_000;
  res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', ...headers });
  res.on('close', () => {
    if (!res.writableFinished) stream.closedEarly = true;
  });
  const pump = () => {
    while (!res.destroyed) {
      if (stream.written >= CAP || Date.now() > until) return res.end();
      stream.written += CHUNK.length;
      if (!res.write(CHUNK)) return res.once('drain', pump);
    }
  };
  res.write('{"alipay_marketing_voucher_send_response":{"code":"10000","memo":"');
  pump();
}

let server: ReturnType<typeof createServer>;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url!, 'http://x').pathname;
      if (path === '/endless/gateway.do') return endless(res);
      if (path === '/declared/gateway.do') return endless(res, { 'content-length': String(CAP) });
      // Two MiB, then a proper end: over the default limit of 1 MiB.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"x":"${'y'.repeat(2 * 1024 * 1024)}"}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const { app, alipay } = testKeys();
const params = { template_id: 'T1', out_biz_no: 'big-1', user_id: '2088000000000001' };

describe.each(TRANSPORTS)('a huge or endless body, over real loopback HTTP, on %s', (_name, transport) => {
  const client = (path: string, extra = {}) =>
    createAlipayClient({
      appId: '2021000000000001',
      privateKey: app.privateKey,
      alipayPublicKey: alipay.publicKey,
      gateway: `${base}${path}`,
      timeoutMs: 25_000,
      ...transport,
      ...extra,
    });

  it('an endless body ends in ERR_RESPONSE_TOO_LARGE, the connection closed, memory bounded', async () => {
    const limit = 64 * 1024;
    const error = await client('/endless', { maxResponseBytes: limit })
      .marketing.voucher.send(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayResponseError);
    expect(error).toMatchObject({
      code: 'ERR_RESPONSE_TOO_LARGE',
      retryable: false,
      mayHaveIssued: true,
      attempts: 1,
    });
    expect((error as Error).message).toMatch(/over maxResponseBytes \(65536\)/);
    // The client stopped reading and closed the socket long before the server's cap: only what the
    // socket buffers held was ever written.
    const stream = streams.at(-1)!;
    await expect.poll(() => stream.closedEarly, { timeout: 5_000 }).toBe(true);
    expect(stream.written).toBeLessThan(32 * 1024 * 1024);
  });

  it('a declared Content-Length over the limit: refused, the connection closed', async () => {
    const error = await client('/declared')
      .marketing.voucher.send(params)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_RESPONSE_TOO_LARGE', status: 200 });
    const stream = streams.at(-1)!;
    await expect.poll(() => stream.closedEarly, { timeout: 5_000 }).toBe(true);
    expect(stream.written).toBeLessThan(32 * 1024 * 1024);
  });

  it('the default limit is 1 MiB: a 2 MiB answer is refused', async () => {
    const error = await client('/two-mib')
      .marketing.voucher.send(params)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_RESPONSE_TOO_LARGE' });
    expect((error as Error).message).toMatch(/maxResponseBytes \(1048576\)/);
  });
});
