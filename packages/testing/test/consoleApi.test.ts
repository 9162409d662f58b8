import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { canonicalize } from '@aopkit/signer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_HTML } from '../src/console/assets.gen.js';
import { stateRegistry } from '../src/control/stateRegistry.js';
import { demoFixtures } from '../src/demoFixtures.js';
import { type FakeGatewayServer, startFakeGatewayServer } from '../src/server/startFakeGatewayServer.js';
import { demoApp, okBiz } from './helpers/app.js';
import { buildRequest } from './helpers/buildRequest.js';

// The routes the console needs, over real loopback HTTP (fetch only): the event stream, the seeded fault
// settings, one request in detail, and the page itself.
let server: FakeGatewayServer;
beforeAll(async () => {
  server = await startFakeGatewayServer({
    gatewayOptions: { fixtures: demoFixtures, faults: { rate: 0, latencyMs: 250 } },
  });
});
afterEach(() => server.gateway.reset());
afterAll(() => server.close());

// biome-ignore lint/suspicious/noExplicitAny: JSON read back, checked by each test
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(new URL(path, server.controlUrl), init);
  return { status: res.status, json: await res.json() };
}

const send = async (out_biz_no: string, options: Partial<Parameters<typeof buildRequest>[0]> = {}) =>
  fetch(await buildRequest({ app: demoApp, biz: okBiz(out_biz_no), url: server.url, ...options })).then(
    (r) => r.text(),
    () => 'dropped',
  );

describe('GET/PUT /__aopkit/faults', () => {
  it('reads the settings the fake started with, and how many scripted outcomes wait', async () => {
    expect(await call('GET', 'faults')).toEqual({
      status: 200,
      json: { rate: 0, kinds: expect.any(Object), latencyMs: 250, scripted: 0 },
    });
    await call('POST', 'next-call', { sub_code: 'SYSTEM_ERROR' });
    expect((await call('GET', 'faults')).json.scripted).toBe(1);
  });

  it('sets the seeded rate and kinds: the next request gets that fault; reset restores the start', async () => {
    const put = await call('PUT', 'faults', { rate: 1, kinds: { 'system-error': 1 } });
    expect(put).toEqual({
      status: 200,
      json: { rate: 1, kinds: { 'system-error': 1 }, latencyMs: 100, scripted: 0 },
    });
    expect(await send('f1')).toContain('"sub_code":"SYSTEM_ERROR"');
    expect(server.gateway.requests.at(-1)).toMatchObject({ fault: 'system-error', scripted: false });
    server.gateway.reset();
    expect((await call('GET', 'faults')).json).toMatchObject({ rate: 0, latencyMs: 250 });
    expect(await send('f2')).toContain('"code":"10000"');
  });

  it('refuses what the faults option refuses, naming the field, and an empty body', async () => {
    const bad = await call('PUT', 'faults', { rate: 2 });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'ERR_FAKE_CONFIG',
      message: expect.stringContaining('faults.rate'),
    });
    const kind = await call('PUT', 'faults', { rate: 0.5, kinds: { busy: 1 } });
    expect(kind.json.error.message).toContain('faults.kinds.busy');
    const empty = await call('PUT', 'faults');
    expect(empty).toMatchObject({ status: 400, json: { error: { code: 'ERR_CONTROL_BAD_BODY' } } });
    expect((await call('GET', 'faults')).json).toMatchObject({ rate: 0, latencyMs: 250 });
  });
});

describe('GET /__aopkit/requests/{seq}', () => {
  it('gives the string the fake verified and the answer it sent, signed', async () => {
    const sent = await send('d1');
    const detail = await call('GET', 'requests/1');
    expect(detail.status).toBe(200);
    const entry = server.gateway.requests[0]!;
    expect(detail.json.request).toMatchObject({ seq: 1, app_id: demoApp.appId, signed: true });
    expect(detail.json.verifiedString).toBe(canonicalize(entry.params));
    expect(detail.json.verifiedString).toMatch(/^app_id=\d+&biz_content=\{/);
    expect(detail.json.response).toEqual({ text: sent, signed: true });
  });

  it('has no verified string for a request refused before the signature check, nor an answer when dropped', async () => {
    await send('d2', { app: { ...demoApp, appId: '2021009999999999' } });
    expect((await call('GET', 'requests/1')).json).toEqual({
      request: expect.objectContaining({ seq: 1, signed: false }),
      response: { text: expect.stringContaining('isv.invalid-app-id'), signed: false },
    });
    await call('POST', 'next-call', { drop: 'before' });
    expect(await send('d3')).toBe('dropped');
    const dropped = (await call('GET', 'requests/2')).json;
    expect(dropped.response).toBeUndefined();
    expect(dropped.verifiedString).toContain('out_biz_no":"d3"');
  });

  it('never shows a token: not in the parameters, the verified string or the answer', async () => {
    const token = '202609BBa1b2c3d4e5f6&x=<y>"z"';
    const text = await send('d4', { params: { app_auth_token: token }, tamper: { version: '2.0' } });
    expect(text).toContain('isv.invalid-signature');
    const raw = JSON.stringify((await call('GET', 'requests/1')).json);
    expect(raw).not.toContain('202609BBa1b2c3d4e5f6');
    const detail = (await call('GET', 'requests/1')).json;
    expect(detail.request.params.app_auth_token).toBe('[redacted]');
    expect(detail.verifiedString).toContain('app_auth_token=[redacted]');
    expect(detail.response.text).toContain('app_auth_token=[redacted]');
  });

  it('answers 404 for a seq the log does not hold', async () => {
    const missing = await call('GET', 'requests/7');
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'ERR_CONTROL_NOT_FOUND' } } });
  });
});

describe('GET /__aopkit/events', () => {
  it('streams a request logged, a state change and a reset as server-sent events', async () => {
    const abort = new AbortController();
    const res = await fetch(new URL('events', server.controlUrl), { signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: { type: string; what?: string; request?: { seq: number } }[] = [];
    let buffer = '';
    const until = async (count: number) => {
      while (events.length < count) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += value;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const block of blocks) {
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
        }
      }
    };
    await until(0);
    await send('e1');
    await until(1);
    server.gateway.expireTemplate('TPL_VOUCHER_ACTIVE');
    await call('PUT', 'faults', { rate: 0 });
    server.gateway.reset();
    await until(4);
    expect(events).toEqual([
      { type: 'request', request: expect.objectContaining({ seq: 1, receivedAt: expect.any(String) }) },
      { type: 'state', what: 'templates' },
      { type: 'state', what: 'faults' },
      { type: 'reset' },
    ]);
    abort.abort();
    await reader.cancel().catch(() => {});
  });
});

describe('GET /__aopkit/events, a client gone', () => {
  it('stops listening to the gateway once the client closes the stream', async () => {
    const view = stateRegistry.get(server.gateway)!;
    const subscribe = view.subscribe;
    let listening = 0;
    view.subscribe = (listener) => {
      listening++;
      const off = subscribe(listener);
      return () => {
        listening--;
        off();
      };
    };
    try {
      const abort = new AbortController();
      const res = await fetch(new URL('events', server.controlUrl), { signal: abort.signal });
      await res.body!.getReader().read(); // the first comment: connected
      expect(listening).toBe(1);
      abort.abort();
      await expect.poll(() => listening).toBe(0);
    } finally {
      view.subscribe = subscribe;
    }
  });
});

describe('GET /__aopkit/console', () => {
  it('serves the page from the package: HTML, its script inline, nothing fetched from elsewhere', async () => {
    const res = await fetch(new URL('console', server.controlUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<script>');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/@import|@font-face|url\(/);
  });

  it('is as small as the README says (its size, rounded to the kB, raw and gzipped)', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const kb = (bytes: number) => Math.round(bytes / 1000);
    expect(readme).toContain(
      `about ${kb(Buffer.byteLength(CONSOLE_HTML))} kB (${kb(gzipSync(CONSOLE_HTML).length)} kB gzipped)`,
    );
  });
});
