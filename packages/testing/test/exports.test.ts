import { describe, expect, it } from 'vitest';
import * as testing from '../src/index.js';

describe('@aopkit/testing exports', () => {
  it('pins the runtime API', () => {
    expect(Object.keys(testing).sort()).toEqual([
      'DEMO_ALIPAY_KEYS',
      'DEMO_ALIPAY_PUBLIC_CERT',
      'DEMO_ALIPAY_ROOT_CERT',
      'DEMO_APP_CERT',
      'DEMO_APP_KEYS',
      'DROP',
      'TIMESTAMP_WINDOW_MS',
      'createFakeGateway',
      'demoFixtures',
      'startFakeGatewayServer',
    ]);
  });

  it('a gateway has exactly the documented members', () => {
    const gateway = testing.createFakeGateway();
    expect(Object.keys(gateway).sort()).toEqual([
      'addTemplate',
      'addUser',
      'alipayPublicCert',
      'alipayPublicKey',
      'alipayRootCert',
      'expireTemplate',
      'freezeUser',
      'handle',
      'handlers',
      'nextCall',
      'registerApp',
      'requests',
      'reset',
      'vouchers',
    ]);
  });
});
