import type { FakeGatewayFixtures } from './FakeGatewayCore.js';
import { DEMO_APP_CERT } from './keys/demoCerts.js';
import { DEMO_APP_KEYS } from './keys/demoKeys.js';

/**
 * A small world to try the fake in (the CLI's default): an app with a bundled FAKE key pair (and
 * a second one, in certificate mode, with the same pair),
 * templates in each state, users reachable by each identity, and a frozen one. The first template
 * and user are the reference page's examples.
 */
export const demoFixtures = {
  apps: [
    {
      appId: '2021000000000001',
      publicKey: DEMO_APP_KEYS.publicKey,
      privateKey: DEMO_APP_KEYS.privateKey,
      signType: 'RSA2',
    },
    // Certificate mode (公钥证书模式): the same key pair, configured through a certificate.
    {
      appId: '2021000000000002',
      appCert: DEMO_APP_CERT,
      privateKey: DEMO_APP_KEYS.privateKey,
      signType: 'RSA2',
    },
  ],
  templates: [
    { template_id: '20140601000730010040000000EB', type: 'voucher' },
    { template_id: 'TPL_VOUCHER_ACTIVE', type: 'voucher' },
    { template_id: 'TPL_VOUCHER_EXPIRED', type: 'voucher', expired: true },
    { template_id: 'TPL_RED_PACKET', type: 'red_packet' },
  ],
  users: [
    { user_id: '2088302001456115', login_id: '13196215350', taobao_nick: 'yue54333' },
    { user_id: '2088000000000002', login_id: 'buyer@example.com' },
    { user_id: '2088000000000003', taobao_nick: 'tb_buyer' },
    { user_id: '2088000000000009', login_id: 'frozen@example.com', frozen: true },
  ],
} as const satisfies FakeGatewayFixtures;
