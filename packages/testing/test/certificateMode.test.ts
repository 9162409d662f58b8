import { certSerialNumber, createVerifier, rootCertSerialNumber } from '@aopkit/signer';
import { METHOD, SUB_CODES } from '@aopkit/types';
import { AlipaySdk } from 'alipay-sdk';
import { describe, expect, it } from 'vitest';
import {
  createFakeGateway,
  DEMO_ALIPAY_KEYS,
  DEMO_ALIPAY_PUBLIC_CERT,
  DEMO_ALIPAY_ROOT_CERT,
  DEMO_APP_CERT,
  DEMO_APP_KEYS,
  demoFixtures,
  startFakeGatewayServer,
} from '../src/index.js';
import { buildRequest } from './helpers/buildRequest.js';
import { okBiz } from './helpers/setup.js';

const certApp = { appId: demoFixtures.apps[1].appId, privateKey: DEMO_APP_KEYS.privateKey };
const certParams = {
  app_cert_sn: certSerialNumber(DEMO_APP_CERT),
  alipay_root_cert_sn: rootCertSerialNumber(DEMO_ALIPAY_ROOT_CERT),
};

describe('certificate mode (公钥证书模式)', () => {
  const gateway = createFakeGateway({ fixtures: demoFixtures });
  const verifier = createVerifier({
    alipayPublicCert: gateway.alipayPublicCert!,
    alipayRootCert: gateway.alipayRootCert!,
  });

  it('exposes the fake Alipay certificate and root bundle', () => {
    expect(gateway.alipayPublicCert).toBe(DEMO_ALIPAY_PUBLIC_CERT);
    expect(gateway.alipayRootCert).toBe(DEMO_ALIPAY_ROOT_CERT);
  });

  it('a cert-mode app with the right SNs gets a response carrying alipay_cert_sn', async () => {
    const response = await gateway.handle(
      await buildRequest({ app: certApp, biz: okBiz('cert-1'), params: certParams }),
    );
    const raw = await (response as Response).text();
    const verified = await verifier.verifyResponse(raw, METHOD);
    expect(verified).toMatchObject({
      verified: true,
      alipayCertSn: verifier.alipayCertSn,
      node: { code: '10000' },
    });
    expect(raw).toMatch(/"sign":"[^"]+","alipay_cert_sn":"[0-9a-f]{32}"}$/);
  });

  it.each([
    ['a wrong app_cert_sn', { ...certParams, app_cert_sn: '0'.repeat(32) }, 'app_cert_sn'],
    ['no app_cert_sn', { ...certParams, app_cert_sn: undefined }, 'app_cert_sn'],
    [
      'a root SN list without the root',
      { ...certParams, alipay_root_cert_sn: 'f'.repeat(32) },
      'alipay_root_cert_sn',
    ],
  ])('%s → isv.invalid-parameter naming it', async (_, params, name) => {
    const response = await gateway.handle(await buildRequest({ app: certApp, biz: okBiz('cert-2'), params }));
    const { node } = await verifier.verifyResponse(await (response as Response).text(), METHOD);
    expect(node).toMatchObject({
      sub_code: 'isv.invalid-parameter',
      sub_msg: `${SUB_CODES['isv.invalid-parameter'].subMsg}：${name}`,
    });
  });

  it('public-key apps get no alipay_cert_sn', async () => {
    const app = { appId: demoFixtures.apps[0].appId, privateKey: DEMO_APP_KEYS.privateKey };
    const response = await gateway.handle(await buildRequest({ app, biz: okBiz('cert-3') }));
    expect(await (response as Response).text()).not.toContain('alipay_cert_sn');
  });

  it('registerApp({ appCert }) returns its SN and the key inside it', () => {
    const app = gateway.registerApp({ appId: '2021000000000099', appCert: DEMO_APP_CERT });
    expect(app.appCertSn).toBe(certSerialNumber(DEMO_APP_CERT));
    expect(app.publicKey.replace(/\s/g, '')).toBe(DEMO_APP_KEYS.publicKey.replace(/\s/g, ''));
  });

  it('needs the Alipay certificate: custom alipayKeys without one refuse cert-mode apps', () => {
    const plain = createFakeGateway({ alipayKeys: DEMO_ALIPAY_KEYS });
    expect(plain.alipayPublicCert).toBeUndefined();
    expect(() => plain.registerApp({ appCert: DEMO_APP_CERT })).toThrow(/certificate mode needs/);
    expect(() => createFakeGateway({ fixtures: { apps: [{ appId: 'x' }] } })).toThrow(/publicKey or appCert/);
  });

  it('alipay-sdk in certificate mode, over HTTP', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai'; // alipay-sdk's timestamp is host local time
    const server = await startFakeGatewayServer({ gatewayOptions: { fixtures: demoFixtures } });
    try {
      const sdk = new AlipaySdk({
        appId: certApp.appId,
        privateKey: DEMO_APP_KEYS.privateKey.trim(),
        keyType: 'PKCS8',
        appCertContent: DEMO_APP_CERT,
        alipayPublicCertContent: DEMO_ALIPAY_PUBLIC_CERT,
        alipayRootCertContent: DEMO_ALIPAY_ROOT_CERT,
        gateway: server.url,
      });
      const result = await sdk.exec(
        'alipay.marketing.voucher.send',
        { bizContent: okBiz('cert-sdk') },
        { validateSign: true },
      );
      expect(result).toMatchObject({ code: '10000', userId: '2088000000000002' });
      expect(server.gateway.requests.at(-1)?.params).toMatchObject(certParams);
    } finally {
      process.env.TZ = tz;
      await server.close();
    }
  });
});
