// The demo app and a valid business content, without importing msw (for core-only tests).
import { demoFixtures } from '../../src/demoFixtures.js';
import { DEMO_APP_KEYS } from '../../src/keys/demoKeys.js';

/** The demo app of demoFixtures, as a client holds it. */
export const demoApp = { appId: demoFixtures.apps[0].appId, privateKey: DEMO_APP_KEYS.privateKey };

/** A valid business content for the demo fixtures. */
export const okBiz = (out_biz_no: string, extra: Record<string, unknown> = {}) => ({
  template_id: 'TPL_VOUCHER_ACTIVE',
  out_biz_no,
  user_id: '2088000000000002',
  ...extra,
});
