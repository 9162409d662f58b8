import { canonicalize } from '@aopkit/signer';
import { SUB_CODES } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { createFakeGateway, demoFixtures, type RequestLogEntry, TIMESTAMP_WINDOW_MS } from '../src/index.js';
import { buildRequest, requestFromParams, signedParams } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';
import { demoApp, okBiz } from './helpers/setup.js';

describe('createFakeGateway options', () => {
  it('now: the gateway clock decides the timestamp window and issuedAt', async () => {
    const clock = new Date('2014-07-23T19:07:50Z'); // 2014-07-24 03:07:50 in Beijing, the reference page's
    const gateway = createFakeGateway({ fixtures: demoFixtures, now: () => clock });
    const request = await buildRequest({
      app: demoApp,
      biz: okBiz('now-1'),
      params: { timestamp: '2014-07-24 03:07:50' },
    });
    expect((await readAnswer(await gateway.handle(request), gateway)).node.code).toBe('10000');
    expect(gateway.vouchers[0]?.issuedAt).toBe(clock);
    expect(gateway.requests[0]?.receivedAt).toBe(clock);
    const late = new Date(clock.getTime() + TIMESTAMP_WINDOW_MS + 1000);
    const stale = await buildRequest({ app: demoApp, biz: okBiz('now-2'), at: clock });
    const lateGateway = createFakeGateway({ fixtures: demoFixtures, now: () => late });
    expect((await readAnswer(await lateGateway.handle(stale), lateGateway)).node.sub_code).toBe(
      'isv.invalid-timestamp',
    );
  });

  it('onRequest sees each entry; requestLogLimit keeps the newest', async () => {
    const seen: RequestLogEntry[] = [];
    const gateway = createFakeGateway({
      fixtures: demoFixtures,
      onRequest: (e) => seen.push(e),
      requestLogLimit: 2,
    });
    for (const n of [1, 2, 3])
      await gateway.handle(await buildRequest({ app: demoApp, biz: okBiz(`log-${n}`) }));
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(gateway.requests.map((e) => e.seq)).toEqual([2, 3]);
    const entry = seen[0]!;
    expect(entry).toMatchObject({ app_id: demoApp.appId, charset: 'utf-8', signed: true, scripted: false });
    expect(entry.node).toBe('alipay_marketing_voucher_send_response');
    expect(entry.durationMs).toBeGreaterThan(0);
    expect(entry.params.biz_content).toBe(JSON.stringify(okBiz('log-1')));
  });
});

describe('the log never holds a token (app_auth_token, auth_token)', () => {
  const APP_AUTH_TOKEN = '202306BBsecretAppAuthToken00000000000A1';
  const AUTH_TOKEN = 'authusrB1234secretUserAccessToken';
  const tokens = { app_auth_token: APP_AUTH_TOKEN, auth_token: AUTH_TOKEN };

  it('not in params, nor in the sub_msg of a failed signature; the answer still quotes the real string', async () => {
    const seen: RequestLogEntry[] = [];
    const gateway = createFakeGateway({ fixtures: demoFixtures, onRequest: (e) => seen.push(e) });
    // Java layout: app_auth_token in the body, auth_token in the query.
    const ok = await signedParams({ app: demoApp, biz: okBiz('tok-1'), params: tokens });
    expect((await readAnswer(await gateway.handle(requestFromParams(ok)), gateway)).node.code).toBe('10000');
    const tampered = await signedParams({
      app: demoApp,
      biz: okBiz('tok-2'),
      params: tokens,
      tamper: { timestamp: ok.timestamp!.replace(/\d\d$/, (s) => (s === '00' ? '01' : '00')) },
    });
    const failed = await readAnswer(await gateway.handle(requestFromParams(tampered)), gateway);
    // The HTTP answer echoes the string the gateway verified, tokens included (PROTOCOL §6).
    const subMsg = (params: Record<string, string>) =>
      SUB_CODES['isv.invalid-signature'].subMsg + canonicalize(params).replaceAll('&', '&amp;');
    expect(failed.node).toMatchObject({ sub_code: 'isv.invalid-signature', sub_msg: subMsg(tampered) });
    expect(failed.node.sub_msg).toContain(APP_AUTH_TOKEN);
    expect(failed.node.sub_msg).toContain(AUTH_TOKEN);
    // The log and onRequest: the same string, tokens redacted.
    const entry = gateway.requests.at(-1)!;
    const redacted = { ...tampered, app_auth_token: '[redacted]', auth_token: '[redacted]' };
    expect(entry.verdict?.sub_msg).toBe(subMsg(redacted));
    expect(entry.params).toMatchObject({ app_auth_token: '[redacted]', auth_token: '[redacted]' });
    expect(seen).toHaveLength(2);
    for (const logged of [JSON.stringify(gateway.requests), JSON.stringify(seen)]) {
      expect(logged).not.toContain(APP_AUTH_TOKEN);
      expect(logged).not.toContain(AUTH_TOKEN);
    }
  });

  it('a token left empty is not signed and stays empty in the log', async () => {
    const gateway = createFakeGateway({ fixtures: demoFixtures });
    const params = await signedParams({ app: demoApp, biz: okBiz('tok-3'), params: { auth_token: '' } });
    expect((await readAnswer(await gateway.handle(requestFromParams(params)), gateway)).node.code).toBe(
      '10000',
    );
    expect(gateway.requests.at(-1)?.params.auth_token).toBe('');
  });
});
