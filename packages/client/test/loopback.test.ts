import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeGatewayServer, startFakeGatewayServer } from '@aopkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlipayConnectionError, AlipayResponseError, AlipayTimeoutError } from '../src/index.js';
import { clientOf, fakeGateway, nextOutBizNo, USER, untilAnswered } from './helpers/fakeSetup.js';

// Real sockets: node:http serving the fake; the client on its default Node transport (node:http)
// and on an injected fetch (undici), which is what Bun, Deno and edge runtimes use.
let server: FakeGatewayServer;
beforeAll(async () => {
  server = await startFakeGatewayServer({ port: 0, gateway: fakeGateway() });
});
afterAll(() => server.close());

const params = () => ({ template_id: 'T_VOUCHER', out_biz_no: nextOutBizNo('loop'), user_id: USER.user_id });

const transports = [
  ['node:http, the default on Node', {}],
  [
    'an injected fetch (undici)',
    { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init) },
  ],
] as const;

describe.each(transports)('over real loopback HTTP, on %s', (_name, transport) => {
  it('sends, verifies and resolves', async () => {
    const client = clientOf(server.gateway, { ...transport, gateway: server.url });
    const result = await client.marketing.voucher.send({ ...params(), memo: '回环测试' });
    expect(result).toEqual({ voucher_id: server.gateway.vouchers.at(-1)!.voucher_id, user_id: USER.user_id });
  });

  it('in GBK too', async () => {
    const client = clientOf(server.gateway, { ...transport, gateway: server.url, charset: 'gbk' });
    await client.marketing.voucher.send({ ...params(), memo: '回环测试' });
    expect(server.gateway.vouchers.at(-1)!.memo).toBe('回环测试');
  });

  it('survives a real socket destroyed after issue, with one voucher', async () => {
    server.gateway.nextCall({ drop: 'after-issue' });
    const sent = params();
    const result = await clientOf(server.gateway, {
      ...transport,
      gateway: server.url,
    }).marketing.voucher.send(sent);
    // Its own vouchers, not the count: another test's abandoned slow request may land meanwhile.
    const issued = server.gateway.vouchers.filter((v) => v.out_biz_no === sent.out_biz_no);
    expect(issued.map((v) => v.voucher_id)).toEqual([result.voucher_id]);
    await untilAnswered(server.gateway, sent.out_biz_no, 2); // the dropped one and the retry
  });

  it('times out on a real slow socket; the fake still issues after the client gave up', async () => {
    server.gateway.nextCall({ latencyMs: 500 });
    const client = clientOf(server.gateway, {
      ...transport,
      gateway: server.url,
      timeoutMs: 100,
      maxRetries: 0,
    });
    const sent = params();
    await expect(client.marketing.voucher.send(sent)).rejects.toBeInstanceOf(AlipayTimeoutError);
    await untilAnswered(server.gateway, sent.out_biz_no, 1);
    expect(server.gateway.vouchers.filter((v) => v.out_biz_no === sent.out_biz_no)).toHaveLength(1);
  });

  it.each([307, 302])('reports a %i redirect, never following it with the signed form', async (status) => {
    // The redirect points at the real fake: following it would issue a voucher.
    const redirector = createServer((_req, res) => {
      res.writeHead(status, { Location: server.url }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    const { port } = redirector.address() as AddressInfo;
    const sent = params();
    try {
      const client = clientOf(server.gateway, {
        ...transport,
        gateway: `http://127.0.0.1:${port}/gateway.do`,
      });
      const error = await client.marketing.voucher.send(sent).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AlipayResponseError);
      expect(error).toMatchObject({ status, retryable: false });
      // Followed, the request would have reached the fake before the client had its answer. (Counting
      // the log would race with the slow request an earlier test abandoned.)
      const reached = server.gateway.requests.filter((r) => r.params.biz_content?.includes(sent.out_biz_no));
      expect(reached).toEqual([]);
    } finally {
      await new Promise((resolve) => redirector.close(resolve));
    }
  });

  it('reports a refused connection as AlipayConnectionError after its retries', async () => {
    const closed = await startFakeGatewayServer({ port: 0 });
    await closed.close();
    const client = clientOf(server.gateway, { ...transport, gateway: closed.url, maxRetries: 1 });
    const error = await client.marketing.voucher.send(params()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});
