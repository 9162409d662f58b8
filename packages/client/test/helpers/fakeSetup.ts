import {
  createFakeGateway,
  type FakeGateway,
  type FakeGatewayFixtures,
  type FakeGatewayOptions,
} from '@aopkit/testing';
import { type FakeGatewaySetup, type SetupFakeGatewayOptions, setupFakeGateway } from '@aopkit/testing/setup';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { type AlipayClientOptions, createAlipayClient } from '../../src/index.js';
import { type KeyPair, testKeys } from './keys.js';

export const APP_ID = '2021000000000001';
export const RSA_APP_ID = '2021000000000002';
export const CUSTOM_BASE = 'https://alipay-proxy.example.test/custom';
export const USER = { user_id: '2088000000000001', login_id: 'buyer@example.com', taobao_nick: '淘宝买家' };

/** The apps, templates and users every test's fake knows; the test app too unless setup registers it. */
function fixturesOf(withTestApp: boolean, extra: FakeGatewayFixtures = {}): FakeGatewayFixtures {
  const { publicKey } = testKeys().app;
  return {
    apps: [
      ...(withTestApp ? [{ appId: APP_ID, publicKey }] : []),
      { appId: RSA_APP_ID, publicKey, signType: 'RSA' },
    ],
    templates: [
      { template_id: 'T_VOUCHER' },
      { template_id: 'T_RED', type: 'red_packet' },
      { template_id: 'T_EXPIRED', expired: true },
    ],
    users: [USER, { user_id: '2088000000000002', frozen: true }],
    ...extra,
  };
}

/**
 * The fake in-process for the calling test file, through `setupFakeGateway` (the helper users get):
 * the test app (RSA2, APP_ID) registered, listening for the whole file, MSW overrides and the fake's
 * state reset after each test. `server.use` overrides go to `fake.url`, where `clientOf(fake)` sends.
 */
export function useFakeGateway(options: SetupFakeGatewayOptions = {}): FakeGatewaySetup {
  const fake = setupFakeGateway({
    baseUrls: [CUSTOM_BASE],
    app: { appId: APP_ID, ...testKeys().app },
    ...options,
    fixtures: fixturesOf(false, options.fixtures),
  });
  beforeAll(() => fake.listen());
  afterEach(() => fake.reset());
  afterAll(() => fake.close());
  return fake;
}

/**
 * A fake gateway with the same apps and fixtures, and no MSW: for a test that serves it on loopback
 * (startFakeGatewayServer) or builds a client without sending.
 */
export function fakeGateway(options: FakeGatewayOptions = {}): FakeGateway {
  return createFakeGateway({
    baseUrls: [CUSTOM_BASE],
    ...options,
    fixtures: fixturesOf(true, options.fixtures),
  });
}

/**
 * A client of the fake: `fake.clientOptions` for an MSW setup; for a bare gateway the test app's key,
 * its Alipay public key and tiny retry delays (give `gateway`: its loopback URL). `key` swaps the
 * private key.
 */
export function clientOf(
  of: Pick<FakeGatewaySetup, 'clientOptions'> | Pick<FakeGateway, 'alipayPublicKey'>,
  options: Partial<AlipayClientOptions> & { key?: KeyPair } = {},
) {
  const { key = testKeys().app, ...rest } = options;
  const base =
    'clientOptions' in of
      ? of.clientOptions
      : { appId: APP_ID, alipayPublicKey: of.alipayPublicKey, retryDelay: { initialMs: 1, maxMs: 5 } };
  return createAlipayClient({ ...base, privateKey: key.privateKey, ...rest });
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
