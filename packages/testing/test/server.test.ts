import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeGateway,
  demoFixtures,
  type FakeGatewayServer,
  startFakeGatewayServer,
} from '../src/index.js';
import { buildRequest, requestFromParams, signedParams } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';
import { demoApp, fetchOrDrop, okBiz } from './helpers/setup.js';

// Real loopback HTTP, no MSW in this file: fetch goes through undici to node:http.
let server: FakeGatewayServer;
beforeAll(async () => {
  server = await startFakeGatewayServer({ gatewayOptions: { fixtures: demoFixtures } });
});
afterEach(() => server.gateway.reset());
afterAll(() => server.close());

const send = async (options: Parameters<typeof buildRequest>[0]) =>
  readAnswer(await fetchOrDrop(await buildRequest({ ...options, url: server.url })), server.gateway, {
    ...(options.charset ? { charset: options.charset } : {}),
  });

/** A raw HTTP exchange, for what fetch hides (methods, paths, a missing Content-Type). */
function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('startFakeGatewayServer over loopback', () => {
  it('listens on 127.0.0.1 at /gateway.do', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/gateway.do`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('success, business error and gateway error, all verified like a client', async () => {
    const ok = await send({ app: demoApp, biz: okBiz('h1', { memo: '中文' }) });
    expect(ok.node).toMatchObject({ code: '10000', user_id: '2088000000000002' });
    expect(ok.verified).toBe(true);
    const expired = await send({ app: demoApp, biz: okBiz('h2', { template_id: 'TPL_VOUCHER_EXPIRED' }) });
    expect(expired.node.sub_code).toBe('TEMPLATE_EXPIRED');
    const badSign = await send({ app: demoApp, biz: okBiz('h3'), tamper: { sign: 'AAAA' } });
    expect(badSign.node.sub_code).toBe('isv.invalid-signature');
    const unknownApp = await send({ app: demoApp, biz: okBiz('h4'), tamper: { app_id: '1' } });
    expect(unknownApp).toMatchObject({ verified: false, node: { sub_code: 'isv.invalid-app-id' } });
  });

  it('GBK over HTTP', async () => {
    const answer = await send({
      app: demoApp,
      biz: okBiz('g1', { memo: '优酷3个月兑换券' }),
      charset: 'gbk',
    });
    expect(answer.node.code).toBe('10000');
    expect(server.gateway.vouchers[0]?.memo).toBe('优酷3个月兑换券');
  });

  it('a form without a Content-Type is still read', async () => {
    const params = await signedParams({ app: demoApp, biz: okBiz('n1') });
    const request = requestFromParams(params, { placement: 'body', url: server.url });
    const res = await raw('POST', '/gateway.do', await request.text());
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).alipay_marketing_voucher_send_response.code).toBe('10000');
  });

  it('drop-before destroys the socket: the client sees a network error, not a response', async () => {
    server.gateway.nextCall({ drop: 'before' });
    const error = await send({ app: demoApp, biz: okBiz('d1') }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('connection dropped');
    expect(server.gateway.vouchers).toHaveLength(0);
  });

  it('drop-after-issue: voucher issued, connection dropped, the retry gets the same voucher', async () => {
    server.gateway.nextCall({ drop: 'after-issue' });
    await expect(send({ app: demoApp, biz: okBiz('d2') })).rejects.toThrow('connection dropped');
    expect(server.gateway.vouchers).toHaveLength(1);
    const retry = await send({ app: demoApp, biz: okBiz('d2') });
    expect(retry.node.voucher_id).toBe(server.gateway.vouchers[0]?.voucher_id);
  });

  // A public probe log of the real gateway (2026-09-11) shows GET /gateway.do served, every parameter in the query.
  it('GET and POST /gateway.do; other methods 405, other paths 404, as JSON errors', async () => {
    const get = await raw('GET', '/gateway.do');
    expect(get.status).toBe(200);
    expect(JSON.parse(get.text).error_response.sub_code).toBe('isv.missing-app-id');
    const put = await raw('PUT', '/gateway.do');
    expect(put.status).toBe(405);
    expect(JSON.parse(put.text).error.code).toBe('ERR_CONTROL_METHOD_NOT_ALLOWED');
    const other = await raw('POST', '/other');
    expect(other.status).toBe(404);
    expect(JSON.parse(other.text).error.message).toContain('the fake serves /gateway.do');
  });

  it('GET /gateway.do with every parameter in the query, signed: a voucher, as over POST', async () => {
    const params = await signedParams({ app: demoApp, biz: okBiz('get-1') });
    const query = new URLSearchParams(params).toString();
    const answer = await readAnswer(await fetch(`${server.url}?${query}`), server.gateway);
    expect(answer).toMatchObject({ verified: true, node: { code: '10000' } });
    expect(server.gateway.vouchers.map((v) => v.out_biz_no)).toEqual(['get-1']);
  });

  it('answers a body over 1 MiB with 413 and a JSON explanation, not a reset', async () => {
    const res = await raw('POST', '/gateway.do', 'x'.repeat(1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error).toMatchObject({
      code: 'ERR_CONTROL_BODY_TOO_LARGE',
      message: expect.stringContaining('larger than 1048576 bytes'),
    });
  });
});

describe('startFakeGatewayServer options', () => {
  it('serves a given gateway, and close() stops it', async () => {
    const gateway = createFakeGateway({ fixtures: demoFixtures, seed: 99 });
    const own = await startFakeGatewayServer({ gateway, port: 0, host: '127.0.0.1' });
    expect(own.gateway).toBe(gateway);
    const answer = await readAnswer(
      await fetch(await buildRequest({ app: demoApp, biz: okBiz('o1'), url: own.url })),
      gateway,
    );
    expect(answer.node.code).toBe('10000');
    await own.close();
    await expect(
      fetch(await buildRequest({ app: demoApp, biz: okBiz('o2'), url: own.url })),
    ).rejects.toThrow();
  });

  it('a hand-made FakeGateway goes through its handle()', async () => {
    const inner = createFakeGateway({ fixtures: demoFixtures });
    const wrapper = { ...inner, handle: (request: Request) => inner.handle(request) };
    const own = await startFakeGatewayServer({ gateway: wrapper });
    try {
      const answer = await readAnswer(
        await fetch(await buildRequest({ app: demoApp, biz: okBiz('w1'), url: own.url })),
        inner,
      );
      expect(answer.node.code).toBe('10000');
      inner.nextCall({ drop: 'before' });
      await expect(
        fetchOrDrop(await buildRequest({ app: demoApp, biz: okBiz('w2'), url: own.url })),
      ).rejects.toThrow();
    } finally {
      await own.close();
    }
  });

  it('a port in use is an error', async () => {
    await expect(startFakeGatewayServer({ port: server.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
