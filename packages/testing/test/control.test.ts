import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createControlHandler } from '../src/control/createControlHandler.js';
import { createGatewayCore } from '../src/createGatewayCore.js';
import { demoFixtures } from '../src/demoFixtures.js';
import { DEMO_APP_KEYS } from '../src/keys/demoKeys.js';
import { type FakeGatewayServer, startFakeGatewayServer } from '../src/server/startFakeGatewayServer.js';
import { demoApp, okBiz } from './helpers/app.js';
import { buildRequest } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';

// The control API over real loopback HTTP, as a program in another language drives it (fetch only).
let server: FakeGatewayServer;
beforeAll(async () => {
  server = await startFakeGatewayServer({ gatewayOptions: { fixtures: demoFixtures } });
});
afterEach(() => server.gateway.reset());
afterAll(() => server.close());

interface Reply {
  status: number;
  allow: string | null;
  contentType: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: JSON read back, checked by each test
  json: any;
}

async function call(method: string, path: string, body?: unknown): Promise<Reply> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(new URL(path, server.controlUrl), init);
  const text = await res.text();
  return {
    status: res.status,
    allow: res.headers.get('allow'),
    contentType: res.headers.get('content-type'),
    json: JSON.parse(text),
  };
}

/** Sends a signed voucher request to the gateway; the verified answer node, or 'dropped'. */
async function send(
  out_biz_no: string,
  extra: Record<string, unknown> = {},
  app: { appId: string; privateKey: string } = demoApp,
) {
  const request = await buildRequest({ app, biz: okBiz(out_biz_no, extra), url: server.url });
  const response = await fetch(request).catch(() => 'dropped' as const);
  if (response === 'dropped') return response;
  const answer = await readAnswer(response, server.gateway);
  expect(answer.verified).toBe(true);
  return answer.node;
}

describe('control API: state', () => {
  it('GET health answers with the fake Alipay public key', async () => {
    const health = await call('GET', 'health');
    expect(health).toMatchObject({ status: 200, json: { ok: true } });
    expect(health.contentType).toBe('application/json; charset=utf-8');
    expect(health.json.alipayPublicKey).toBe(server.gateway.alipayPublicKey);
  });

  it('POST reset clears vouchers, the request log and the script', async () => {
    expect(await send('r1')).toMatchObject({ code: '10000' });
    expect((await call('POST', 'next-call', { drop: 'before' })).status).toBe(200);
    expect((await call('GET', 'vouchers')).json.vouchers).toHaveLength(1);
    expect(await call('POST', 'reset')).toMatchObject({ status: 200, json: { ok: true } });
    expect((await call('GET', 'vouchers')).json).toEqual({ vouchers: [] });
    expect((await call('GET', 'requests')).json).toEqual({ requests: [] });
    // The scripted drop went with the reset: this one is answered.
    expect(await send('r2')).toMatchObject({ code: '10000' });
  });

  it('POST idle answers once a slow request is done', async () => {
    await call('POST', 'next-call', { latencyMs: 300 });
    const pending = send('i1');
    await new Promise((resolve) => setTimeout(resolve, 50)); // the request has arrived
    expect(server.gateway.vouchers).toHaveLength(0);
    expect(await call('POST', 'idle')).toMatchObject({ status: 200, json: { ok: true } });
    expect((await call('GET', 'vouchers')).json.vouchers).toHaveLength(1);
    expect(await pending).toMatchObject({ code: '10000' });
  });
});

describe('control API: POST next-call', () => {
  it('a sub code: the next call gets it, the log says it was scripted', async () => {
    const scripted = await call('POST', 'next-call', { sub_code: 'SYSTEM_ERROR' });
    expect(scripted).toMatchObject({
      status: 200,
      json: { ok: true, scripted: { sub_code: 'SYSTEM_ERROR' } },
    });
    expect(await send('n1')).toMatchObject({ code: '40004', sub_code: 'SYSTEM_ERROR' });
    expect(await send('n1')).toMatchObject({ code: '10000' });
    const { requests } = (await call('GET', 'requests')).json;
    expect(requests.map((r: { scripted: boolean }) => r.scripted)).toEqual([true, false]);
  });

  it('drop before: the connection closes with no answer, nothing issued', async () => {
    await call('POST', 'next-call', { drop: 'before' });
    expect(await send('n2')).toBe('dropped');
    expect((await call('GET', 'vouchers')).json.vouchers).toEqual([]);
  });

  it('an explicit outcome for a code the tables do not know', async () => {
    const outcome = { code: '40004', msg: 'Business Failed', sub_code: 'NEW_CODE', sub_msg: '新的' };
    expect((await call('POST', 'next-call', outcome)).status).toBe(200);
    expect(await send('n3')).toMatchObject(outcome);
  });

  it.each([
    ['an unknown sub code', { sub_code: 'NEW_CODE' }, 'SYSTEM_ERROR'],
    ['an unknown drop', { drop: 'sometimes' }, 'after-issue'],
    ['a negative latency', { latencyMs: -1 }, 'latencyMs'],
    ['an empty script', {}, 'sub_code'],
    ['the camelCase spelling', { subCode: 'SYSTEM_ERROR' }, 'sub_code'],
  ])('%s: 400 with the fake’s code and the known values; nothing queued', async (_, body, hint) => {
    const refused = await call('POST', 'next-call', body);
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('ERR_FAKE_SCRIPT');
    expect(refused.json.error.message).toContain(hint);
    expect(await send(`bad-${hint}`)).toMatchObject({ code: '10000' });
  });

  it('a body that is not a JSON object: 400 ERR_CONTROL_BAD_BODY, the text never echoed', async () => {
    const notJson = await call('POST', 'next-call', 'sub_code=SECRET-ISH');
    expect(notJson).toMatchObject({ status: 400, json: { error: { code: 'ERR_CONTROL_BAD_BODY' } } });
    expect(JSON.stringify(notJson.json)).not.toContain('SECRET-ISH');
    for (const body of ['[1]', '"x"', '']) {
      expect((await call('POST', 'next-call', body)).json.error.code).toBe('ERR_CONTROL_BAD_BODY');
    }
  });
});

describe('control API: templates, users, apps', () => {
  it('templates: add, list, expire; a send then gets TEMPLATE_EXPIRED', async () => {
    const added = await call('POST', 'templates', { template_id: 'TPL/NEW', type: 'red_packet' });
    expect(added.json).toEqual({ template: { template_id: 'TPL/NEW', type: 'red_packet', expired: false } });
    const { templates } = (await call('GET', 'templates')).json;
    expect(templates).toHaveLength(demoFixtures.templates.length + 1);
    expect(templates.at(-1)).toEqual(added.json.template);
    // A template id with a slash is percent-encoded in the path.
    const expired = await call('POST', `templates/${encodeURIComponent('TPL/NEW')}/expire`);
    expect(expired.json.template).toMatchObject({ template_id: 'TPL/NEW', expired: true });
    expect(await send('t1', { template_id: 'TPL/NEW', amount: '1.00' })).toMatchObject({
      sub_code: 'TEMPLATE_EXPIRED',
    });
  });

  it('templates: an unknown template is 404, a bad or unknown field 400, naming it', async () => {
    const missing = await call('POST', 'templates/TPL_TYPO/expire');
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'ERR_FAKE_STATE' } } });
    expect(missing.json.error.message).toContain('TPL_TYPO');
    const typo = await call('POST', 'templates', { template_id: 'T', expird: true });
    expect(typo).toMatchObject({ status: 400, json: { error: { code: 'ERR_CONTROL_BAD_BODY' } } });
    expect(typo.json.error.message).toBe(
      'template: unknown field "expird"; the fields: template_id, type, expired',
    );
    const badType = await call('POST', 'templates', { template_id: 'T', type: 'red-packet' });
    expect(badType.status).toBe(400);
    expect(badType.json.error.message).toContain('voucher, red_packet');
    const badKind = await call('POST', 'templates', { template_id: 'T', expired: 'yes' });
    expect(badKind.json.error.message).toBe('template.expired must be a boolean (got a string)');
  });

  it('users: add one reachable by login_id, freeze it; a send then gets USER_STATUS_ERROR', async () => {
    const user = { user_id: '2088000000000077', login_id: 'new@example.com' };
    expect((await call('POST', 'users', user)).json).toEqual({ user: { ...user, frozen: false } });
    const byLogin = { user_id: undefined, login_id: 'new@example.com' };
    expect(await send('u1', byLogin)).toMatchObject({ code: '10000', user_id: user.user_id });
    const frozen = await call('POST', `users/${user.user_id}/freeze`);
    expect(frozen.json).toEqual({ user: { ...user, frozen: true } });
    expect((await call('GET', 'users')).json.users).toContainEqual({ ...user, frozen: true });
    expect(await send('u2', byLogin)).toMatchObject({ sub_code: 'USER_STATUS_ERROR' });
    expect((await call('POST', 'users/2088999/freeze')).status).toBe(404);
  });

  it('apps: registered with a public key, or with a generated pair whose private key signs', async () => {
    const given = await call('POST', 'apps', {
      appId: '2021000000000777',
      publicKey: DEMO_APP_KEYS.publicKey,
    });
    expect(given.json).toMatchObject({ appId: '2021000000000777', signType: 'RSA2' });
    expect(given.json.privateKey).toBeUndefined();
    const app = { appId: '2021000000000777', privateKey: DEMO_APP_KEYS.privateKey };
    expect(await send('a1', {}, app)).toMatchObject({ code: '10000' });

    const generated = await call('POST', 'apps', {});
    expect(generated.json.privateKey).toContain('BEGIN PRIVATE KEY');
    const fresh = { appId: generated.json.appId, privateKey: generated.json.privateKey };
    expect(await send('a2', {}, fresh)).toMatchObject({ code: '10000' });
  });

  it('apps: a bad public key is a 400 naming the field, never quoting the key', async () => {
    const bad = await call('POST', 'apps', { publicKey: 'not-a-key-at-all' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toMatch(/^ERR_/);
    expect(bad.json.error.message).toContain('publicKey');
    expect(bad.json.error.message).not.toContain('not-a-key-at-all');
    const unknown = await call('POST', 'apps', { appId: 'x', privateKey: 'MIIE…' });
    expect(unknown.json.error.message).toBe(
      'app: unknown field "privateKey"; the fields: appId, publicKey, appCert, signType, encryptKey',
    );
  });
});

describe('control API: records', () => {
  it('GET vouchers: what was issued, issuedAt as ISO 8601', async () => {
    const node = await send('v1', { memo: '中文' });
    if (node === 'dropped') throw new Error('dropped');
    const { vouchers } = (await call('GET', 'vouchers')).json;
    expect(vouchers).toEqual([
      {
        voucher_id: node.voucher_id,
        template_id: 'TPL_VOUCHER_ACTIVE',
        out_biz_no: 'v1',
        user_id: '2088000000000002',
        memo: '中文',
        app_id: demoApp.appId,
        issuedAt: server.gateway.vouchers[0]!.issuedAt.toISOString(),
      },
    ]);
  });

  it('GET requests: arrival order, tokens redacted', async () => {
    const token = 'tok-SECRET-201909BB';
    const request = await buildRequest({
      app: demoApp,
      biz: okBiz('q1'),
      params: { app_auth_token: token },
      url: server.url,
    });
    await fetch(request);
    await send('q2');
    const reply = await call('GET', 'requests');
    expect(JSON.stringify(reply.json)).not.toContain(token);
    const [first, second] = reply.json.requests;
    expect(first).toMatchObject({ seq: 1, params: { app_auth_token: '[redacted]' } });
    expect(second).toMatchObject({ seq: 2, verdict: { code: '10000' }, app_id: demoApp.appId });
    expect(new Date(first.receivedAt).toISOString()).toBe(first.receivedAt);
  });
});

describe('control API: routing', () => {
  it('an unknown route is 404 listing the routes; a known one with another method 405 with allow', async () => {
    const missing = await call('GET', 'nope');
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'ERR_CONTROL_NOT_FOUND' } } });
    expect(missing.json.error.message).toContain('POST /__aopkit/next-call');
    const wrong = await call('GET', 'reset');
    expect(wrong).toMatchObject({ status: 405, allow: 'POST' });
    expect(wrong.json.error.code).toBe('ERR_CONTROL_METHOD_NOT_ALLOWED');
    expect((await call('DELETE', 'templates')).allow).toBe('GET, POST');
    // The advertised URL ends in a slash: `${controlUrl}/health` must reach health, not a 404.
    const doubled = await fetch(`${server.controlUrl}/health`);
    expect(doubled.status).toBe(200);
    expect(await doubled.json()).toMatchObject({ ok: true });
  });

  it('a body over maxBodyBytes is 413, and control: false serves no control route', async () => {
    const small = await startFakeGatewayServer({ maxBodyBytes: 100 });
    const off = await startFakeGatewayServer({ control: false });
    try {
      const big = await fetch(`${small.controlUrl}templates`, {
        method: 'POST',
        body: JSON.stringify({ template_id: 'x'.repeat(200) }),
      });
      expect(big.status).toBe(413);
      expect((await big.json()).error.code).toBe('ERR_CONTROL_BODY_TOO_LARGE');
      expect(small.gateway.vouchers).toEqual([]);
      const health = await fetch(`${off.controlUrl}health`);
      expect(health.status).toBe(404);
      expect((await health.json()).error.message).not.toContain('control API');
    } finally {
      await Promise.all([small.close(), off.close()]);
    }
  });

  it('is transport-neutral: a Request in, a Response out, no server', async () => {
    const gateway = createGatewayCore({ fixtures: demoFixtures });
    const control = createControlHandler(gateway);
    const res = await control(
      new Request('http://anywhere/__aopkit/templates/TPL_VOUCHER_ACTIVE/expire', { method: 'POST' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      template: { template_id: 'TPL_VOUCHER_ACTIVE', type: 'voucher', expired: true },
    });
    const outside = await control(new Request('http://anywhere/gateway.do'));
    expect(outside.status).toBe(404);
  });
});
