import { type FakeGatewaySetup, type SetupFakeGatewayOptions, setupFakeGateway } from '@aopkit/testing/setup';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const TEMPLATE = 'T_SPRING_2026';
export const RED_PACKET = 'T_RED_PACKET';
export const EXPIRED = 'T_EXPIRED';

export function userId(n: number): string {
  return `2088${String(n).padStart(12, '0')}`;
}

/** The campaign tests' gateway: three templates, 30 users (user_id and login_id) and a frozen one. */
export const CAMPAIGN_FIXTURES = {
  templates: [
    { template_id: TEMPLATE, type: 'voucher' },
    { template_id: RED_PACKET, type: 'red_packet' },
    { template_id: EXPIRED, type: 'voucher', expired: true },
  ],
  users: [
    ...Array.from({ length: 30 }, (_, i) => ({
      user_id: userId(i + 1),
      login_id: `1390000${String(i + 1).padStart(4, '0')}`,
    })),
    { user_id: '2088999999999999', taobao_nick: 'frozen_nick', frozen: true },
  ],
} as const satisfies SetupFakeGatewayOptions['fixtures'];

/** What a test may vary: the seed (default 1) and seeded faults. */
export type CampaignFakeOptions = Pick<SetupFakeGatewayOptions, 'seed' | 'faults'>;

/** setupFakeGateway with the campaign fixtures, and the environment the CLI reads its credentials from. */
export type CampaignFake = FakeGatewaySetup & {
  /** What the CLI reads its credentials from; ALIPAY_GATEWAY is the fake's URL. */
  readonly env: {
    readonly ALIPAY_APP_ID: string;
    readonly ALIPAY_PRIVATE_KEY: string;
    readonly ALIPAY_PUBLIC_KEY: string;
    readonly ALIPAY_GATEWAY: string;
  };
};

/** The fake gateway of `@aopkit/testing/setup` with the campaign fixtures; not yet intercepting. */
export function campaignFake(options: CampaignFakeOptions = {}): CampaignFake {
  const fake = setupFakeGateway({
    seed: options.seed ?? 1,
    ...(options.faults ? { faults: options.faults } : {}),
    fixtures: CAMPAIGN_FIXTURES,
  });
  const env = {
    ALIPAY_APP_ID: fake.app.appId,
    ALIPAY_PRIVATE_KEY: fake.app.privateKey,
    ALIPAY_PUBLIC_KEY: fake.gateway.alipayPublicKey,
    ALIPAY_GATEWAY: fake.url,
  };
  return { ...fake, env };
}

/**
 * The way we tell users to test their apps: the fake behind MSW in this process, one per test file,
 * intercepting from the first test to the last and reset after each (state, script, MSW overrides).
 */
export function useCampaignFake(options: CampaignFakeOptions = {}): CampaignFake {
  const fake = campaignFake(options);
  beforeAll(() => fake.listen());
  afterEach(() => fake.reset());
  afterAll(() => fake.close());
  return fake;
}
