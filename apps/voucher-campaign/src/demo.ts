import { fileURLToPath } from 'node:url';
import type { FakeGateway } from '@aopkit/testing';
import { setupFakeGateway } from '@aopkit/testing/setup';
import type { ClientSettings } from './credentials';

/** The demo's voucher template (28 characters, the spec's limit). */
export const DEMO_TEMPLATE = '20261125000730010040DEMO0001';

/** The demo recipients file shipped with the app: 60 users, by user_id, login_id and taobao_nick. */
export const DEMO_RECIPIENTS = fileURLToPath(new URL('../demo/recipients.csv', import.meta.url));

/** The fake gateway's users for the demo; `demo/recipients.csv` names each of them once. */
export function demoUsers() {
  return Array.from({ length: 60 }, (_, i) => {
    const n = i + 1;
    return {
      user_id: `2088${String(n).padStart(12, '0')}`,
      ...(n > 20 && n <= 40 ? { login_id: `1380000${String(n).padStart(4, '0')}` } : {}),
      ...(n > 40 ? { taobao_nick: `demo_nick_${n}` } : {}),
    };
  });
}

export interface DemoGatewayOptions {
  /** Share of calls that fail (system busy, dropped connections, drops after issuing); 0 for none. */
  readonly faultRate?: number;
  readonly seed?: number;
}

/**
 * Starts the fake gateway in this process, the way we tell users to test their apps: setupFakeGateway
 * has MSW intercept `fetch` to the fake's URL (a `.test` host, so nothing can reach Alipay), and the fake
 * checks real signatures and signs its answers. The app signs with the bundled, public demo keys.
 */
export function startDemoGateway(options: DemoGatewayOptions = {}) {
  const fake = setupFakeGateway({
    seed: options.seed ?? 20261125,
    ...(options.faultRate ? { faults: { rate: options.faultRate } } : {}),
    fixtures: { templates: [{ template_id: DEMO_TEMPLATE, type: 'voucher' }], users: demoUsers() },
  });
  fake.listen();
  const settings: ClientSettings = {
    appId: fake.app.appId,
    privateKey: fake.app.privateKey,
    alipayPublicKey: fake.gateway.alipayPublicKey,
    gateway: fake.url,
  };
  return { gateway: fake.gateway, settings, close: () => fake.close() };
}

/** What the fake saw, for the demo's last lines: the proof that faults were survived without duplicates. */
export function describeDemoGateway(gateway: FakeGateway): string {
  const faults = new Map<string, number>();
  for (const r of gateway.requests) if (r.fault) faults.set(r.fault, (faults.get(r.fault) ?? 0) + 1);
  const injected = [...faults].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'none';
  const keys = new Set(gateway.vouchers.map((v) => `${v.template_id}/${v.out_biz_no}`));
  const users = new Set(gateway.vouchers.map((v) => v.user_id));
  const twice = gateway.vouchers.length - users.size;
  return [
    `fake gateway: ${gateway.requests.length} requests, faults injected: ${injected}`,
    `fake gateway: ${gateway.vouchers.length} vouchers for ${users.size} users (${keys.size} out_biz_no), ` +
      `${twice === 0 ? 'nobody got two' : `${twice} DUPLICATES`}`,
  ].join('\n');
}
