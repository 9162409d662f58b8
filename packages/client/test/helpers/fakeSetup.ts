import { createFakeGateway, type FakeGateway, type FakeGatewayOptions } from '@aopkit/testing';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { type AlipayClientOptions, createAlipayClient } from '../../src/index.js';
import { type KeyPair, testKeys } from './keys.js';

export const APP_ID = '2021000000000001';
export const RSA_APP_ID = '2021000000000002';
export const CUSTOM_BASE = 'https://alipay-proxy.example.test/custom';
export const USER = { user_id: '2088000000000001', login_id: 'buyer@example.com', taobao_nick: '淘宝买家' };

/** A fake gateway that knows the test app (RSA2) and an RSA (SHA-1) app, templates and users. */
export function fakeGateway(options: FakeGatewayOptions = {}) {
  const { app } = testKeys();
  return createFakeGateway({
    baseUrls: [CUSTOM_BASE],
    ...options,
    fixtures: {
      apps: [
        { appId: APP_ID, publicKey: app.publicKey },
        { appId: RSA_APP_ID, publicKey: app.publicKey, signType: 'RSA' },
      ],
      templates: [
        { template_id: 'T_VOUCHER' },
        { template_id: 'T_RED', type: 'red_packet' },
        { template_id: 'T_EXPIRED', expired: true },
      ],
      users: [USER, { user_id: '2088000000000002', frozen: true }],
      ...options.fixtures,
    },
  });
}

/** A client of the fake: the test app's key, the fake's Alipay public key, tiny retry delays. */
export function clientOf(
  gateway: { alipayPublicKey: string },
  options: Partial<AlipayClientOptions> & { key?: KeyPair } = {},
) {
  const { key = testKeys().app, ...rest } = options;
  return createAlipayClient({
    appId: APP_ID,
    privateKey: key.privateKey,
    alipayPublicKey: gateway.alipayPublicKey,
    retryDelay: { initialMs: 1, maxMs: 5 },
    ...rest,
  });
}

let n = 0;
/** A fresh out_biz_no. */
export const nextOutBizNo = (prefix = 'order') => `${prefix}-${Date.now().toString(36)}-${++n}`;

/**
 * Waits until the fake has finished `count` requests for `outBizNo`, a slow one the client gave up on
 * included: the fake still answers it (and issues) after the client's timeout, and must not do so in
 * a later test.
 */
export async function untilAnswered(gateway: Pick<FakeGateway, 'requests'>, outBizNo: string, count: number) {
  const ours = () => gateway.requests.filter((r) => r.params.biz_content?.includes(`"${outBizNo}"`));
  await vi.waitFor(() => expect(ours()).toHaveLength(count), { timeout: 10_000, interval: 20 });
}

/**
 * The fake answering in-process through MSW for the calling test file: listening for the whole file,
 * handler overrides and the fake's state reset after each test. Returns the server for `server.use`.
 */
export function serveInProcess(gateway: FakeGateway) {
  const server = setupServer(...gateway.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    gateway.reset();
  });
  afterAll(() => server.close());
  return server;
}
