import { SUB_CODES } from '@aopkit/types';
import { AlipaySdk } from 'alipay-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP_KEYS, demoFixtures, type FakeGatewayServer, startFakeGatewayServer } from '../src/index.js';

// The official Node SDK as the client. It sends with urllib (undici), which MSW does not see, so it
// talks to the real loopback server. It formats `timestamp` in the host's local time (PROTOCOL §3),
// so these tests run it in Beijing time, as on a server in China.
const HOST_TZ = process.env.TZ;
let server: FakeGatewayServer;

beforeAll(async () => {
  process.env.TZ = 'Asia/Shanghai';
  server = await startFakeGatewayServer({ gatewayOptions: { fixtures: demoFixtures } });
});
afterEach(() => {
  process.env.TZ = 'Asia/Shanghai';
  server.gateway.reset();
});
afterAll(async () => {
  process.env.TZ = HOST_TZ;
  await server.close();
});

// alipay-sdk re-wraps keys line by line and chokes on a trailing newline: hand it trimmed PEM.
function sdk(privateKey: string = DEMO_APP_KEYS.privateKey) {
  return new AlipaySdk({
    appId: demoFixtures.apps[0].appId,
    privateKey: privateKey.trim(),
    keyType: 'PKCS8',
    alipayPublicKey: server.gateway.alipayPublicKey.trim(),
    gateway: server.url,
  });
}

const send = (bizContent: Record<string, unknown>, client = sdk()) =>
  client.exec('alipay.marketing.voucher.send', { bizContent }, { validateSign: true });

describe('alipay-sdk@4.14.0 against the fake server', () => {
  it("sends a voucher, and validates the fake's response signature", async () => {
    const result = await send({
      template_id: 'TPL_VOUCHER_ACTIVE',
      out_biz_no: 'sdk-1',
      user_id: '2088000000000002',
    });
    expect(result).toMatchObject({ code: '10000', msg: 'Success', userId: '2088000000000002' });
    expect(result.voucherId).toBe(server.gateway.vouchers[0]?.voucher_id);
    const entry = server.gateway.requests.at(-1)!;
    expect(entry.placement).toMatchObject({ app_id: 'query', sign: 'query', biz_content: 'body' });
    expect(entry.params.format).toBeUndefined(); // the Node SDK omits it
  });

  it('retrying with the same out_biz_no returns the same voucher', async () => {
    const biz = {
      template_id: 'TPL_RED_PACKET',
      out_biz_no: 'sdk-2',
      login_id: 'buyer@example.com',
      amount: '5.00',
    };
    const first = await send(biz);
    expect((await send(biz)).voucherId).toBe(first.voucherId);
  });

  it.each([
    ['TEMPLATE_NOT_EXIST', { template_id: 'TPL_NOPE', user_id: '2088000000000002' }],
    ['TEMPLATE_EXPIRED', { template_id: 'TPL_VOUCHER_EXPIRED', user_id: '2088000000000002' }],
    ['USER_NOT_EXIST', { template_id: 'TPL_VOUCHER_ACTIVE', user_id: '2088999999999999' }],
    [
      'USER_STATUS_ERROR',
      { template_id: 'TPL_VOUCHER_ACTIVE', taobao_nick: 'nobody', login_id: 'frozen@example.com' },
    ],
    ['INVALID_PARAMETER', { template_id: 'TPL_VOUCHER_ACTIVE', user_id: '2088000000000002', amount: '1.00' }],
  ] as const)('gets %s', async (subCode, biz) => {
    const result = await send({ ...biz, out_biz_no: `sdk-${subCode}` });
    expect(result).toMatchObject({ code: '40004', msg: 'Business Failed', subCode });
    if (subCode !== 'INVALID_PARAMETER') expect(result.subMsg).toBe(SUB_CODES[subCode].subMsg);
  });

  it('gets SYSTEM_ERROR and isp.unknow-error when scripted', async () => {
    server.gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    server.gateway.nextCall({ sub_code: 'isp.unknow-error' });
    const biz = { template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no: 'sdk-busy', user_id: '2088000000000002' };
    expect(await send(biz)).toMatchObject({ code: '40004', subCode: 'SYSTEM_ERROR' });
    expect(await send(biz)).toMatchObject({ code: '20000', subCode: 'isp.unknow-error' });
    expect(await send(biz)).toMatchObject({ code: '10000' });
  });

  it('signed with another private key → 40002 isv.invalid-signature (a signed answer, so validateSign passes)', async () => {
    const stranger = server.gateway.registerApp();
    const result = await send(
      { template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no: 'sdk-bad', user_id: '2088000000000002' },
      sdk(stranger.privateKey!),
    );
    expect(result).toMatchObject({
      code: '40002',
      msg: 'Invalid Arguments',
      subCode: 'isv.invalid-signature',
    });
    expect(result.subMsg).toContain(`${SUB_CODES['isv.invalid-signature'].subMsg}app_id=`);
    expect(server.gateway.vouchers).toHaveLength(0);
  });

  it('on a UTC host its local-time timestamp is 8 hours off → isv.invalid-timestamp', async () => {
    process.env.TZ = 'UTC';
    const result = await send({
      template_id: 'TPL_VOUCHER_ACTIVE',
      out_biz_no: 'sdk-utc',
      user_id: '2088000000000002',
    });
    expect(result).toMatchObject({ code: '40002', subCode: 'isv.invalid-timestamp' });
  });
});
