import { createSign, generateKeyPairSync } from 'node:crypto';
import { AlipayApiError, type AlipayClientOptions, createAlipayClient } from '@aopkit/client';
import { canonicalize, createVerifier, formatTimestamp } from '@aopkit/signer';
import {
  DEMO_ALIPAY_PUBLIC_CERT,
  DEMO_ALIPAY_ROOT_CERT,
  DEMO_APP_CERT,
  DEMO_APP_KEYS,
  demoFixtures,
  type FakeGatewayServer,
  startFakeGatewayServer,
} from '@aopkit/testing';
import { AlipaySdk } from 'alipay-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerChecker } from '../src/answerSchema.js';
import { type Prism, recordingFetch, SPEC, startPrism } from './helpers/prism.js';

// Prism, as a validating proxy of the spec, between each client and the fake gateway on loopback:
// every request and every answer that crosses it must be one the spec allows.
const APP_ID = demoFixtures.apps[0].appId;
const CERT_APP_ID = demoFixtures.apps[1].appId;
const AES_APP_ID = '2021000000000031';
const AES_KEY = Buffer.alloc(16, 3).toString('base64');
const RSA_APP_ID = '2021000000000032';
// A key the gateway knows for no app: what it signs fails the gateway's check.
const STRANGER_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const USER = demoFixtures.users[0];
const TEMPLATE = demoFixtures.templates[1].template_id;

let fake: FakeGatewayServer;
let prism: Prism;
let checkAnswer: (text: string) => string;
const seen: string[] = [];
let n = 0;
const outBizNo = () => `prism-${Date.now().toString(36)}-${++n}`;

beforeAll(async () => {
  checkAnswer = await answerChecker();
  fake = await startFakeGatewayServer({ gatewayOptions: { fixtures: demoFixtures } });
  fake.gateway.registerApp({ appId: AES_APP_ID, publicKey: DEMO_APP_KEYS.publicKey, encryptKey: AES_KEY });
  fake.gateway.registerApp({ appId: RSA_APP_ID, publicKey: DEMO_APP_KEYS.publicKey, signType: 'RSA' });
  prism = await startPrism({ mode: 'proxy', spec: SPEC, upstream: new URL(fake.url).origin });
});
afterAll(async () => {
  await prism?.stop();
  await fake?.close();
});
afterEach(() => {
  // Nothing Prism saw broke the spec: no sl-violations header, no 422, no answer off its schema.
  expect(seen).toEqual([]);
});

const gatewayUrl = () => `${prism.origin}/gateway.do`;

function client(options: Partial<AlipayClientOptions> = {}) {
  return createAlipayClient({
    appId: APP_ID,
    privateKey: DEMO_APP_KEYS.privateKey,
    alipayPublicKey: fake.gateway.alipayPublicKey,
    gateway: gatewayUrl(),
    fetch: recordingFetch(seen, checkAnswer),
    maxRetries: 0,
    ...options,
  } as AlipayClientOptions);
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('@aopkit/client through Prism (proxy --errors) to the fake gateway', () => {
  it.each([
    ['by user_id', { user_id: USER.user_id }, {}],
    ['by login_id', { login_id: USER.login_id }, {}],
    ['in GBK, with Chinese', { user_id: USER.user_id, memo: '六一红包' }, { charset: 'gbk' }],
    ['in GB2312', { user_id: USER.user_id, memo: '回环测试' }, { charset: 'gb2312' }],
    ['signed RSA (SHA-1)', { user_id: USER.user_id }, { appId: RSA_APP_ID, signType: 'RSA' }],
    [
      'on a merchant’s behalf',
      { user_id: USER.user_id },
      { appAuthToken: '202306BB7c5f0d5e1e5d4d0bb8a3c9d6e5f4A123' },
    ],
  ] as const)('sends a voucher %s', async (_name, identity, options) => {
    const result = await client(options as Partial<AlipayClientOptions>).marketing.voucher.send({
      template_id: TEMPLATE,
      out_biz_no: outBizNo(),
      ...identity,
    });
    expect(result.user_id).toBe(USER.user_id);
  });

  it('sends a red packet with its amount', async () => {
    const result = await client().marketing.voucher.send({
      template_id: 'TPL_RED_PACKET',
      out_biz_no: outBizNo(),
      user_id: USER.user_id,
      amount: '9.99',
    });
    expect(fake.gateway.vouchers.find((v) => v.voucher_id === result.voucher_id)?.amount).toBe('9.99');
  });

  it('with AES content encryption: the encrypted node passes and decrypts', async () => {
    const result = await client({ appId: AES_APP_ID, encryptKey: AES_KEY }).marketing.voucher.send({
      template_id: TEMPLATE,
      out_biz_no: outBizNo(),
      user_id: USER.user_id,
    });
    expect(result.user_id).toBe(USER.user_id);
  });

  it('in certificate mode: app_cert_sn, alipay_root_cert_sn and alipay_cert_sn pass', async () => {
    const result = await client({
      appId: CERT_APP_ID,
      alipayPublicKey: undefined,
      appCert: DEMO_APP_CERT,
      alipayPublicCert: DEMO_ALIPAY_PUBLIC_CERT,
      alipayRootCert: DEMO_ALIPAY_ROOT_CERT,
    } as Partial<AlipayClientOptions>).marketing.voucher.send({
      template_id: TEMPLATE,
      out_biz_no: outBizNo(),
      user_id: USER.user_id,
    });
    expect(result.user_id).toBe(USER.user_id);
  });

  it.each([
    ['TEMPLATE_NOT_EXIST', { template_id: 'NO_SUCH_TEMPLATE', user_id: USER.user_id }],
    ['TEMPLATE_EXPIRED', { template_id: 'TPL_VOUCHER_EXPIRED', user_id: USER.user_id }],
    ['USER_NOT_EXIST', { template_id: TEMPLATE, user_id: '2088999999999999' }],
    ['USER_STATUS_ERROR', { template_id: TEMPLATE, login_id: 'frozen@example.com' }],
  ] as const)('a business error: %s', async (subCode, params) => {
    const error = await rejection(client().marketing.voucher.send({ ...params, out_biz_no: outBizNo() }));
    expect(error).toBeInstanceOf(AlipayApiError);
    expect((error as AlipayApiError).sub_code).toBe(subCode);
  });

  it.each([['isp.unknow-error'], ['SYSTEM_ERROR'], ['aop.invalid-app-auth-token']] as const)(
    'a scripted gateway answer: %s',
    async (subCode) => {
      fake.gateway.nextCall({ sub_code: subCode });
      const error = await rejection(
        client().marketing.voucher.send({
          template_id: TEMPLATE,
          out_biz_no: outBizNo(),
          user_id: USER.user_id,
        }),
      );
      expect((error as AlipayApiError).sub_code).toBe(subCode);
    },
  );

  it('a signature error: the app signs with a key the gateway does not know', async () => {
    const error = await rejection(
      client({ privateKey: STRANGER_KEY }).marketing.voucher.send({
        template_id: TEMPLATE,
        out_biz_no: outBizNo(),
        user_id: USER.user_id,
      }),
    );
    expect((error as AlipayApiError).sub_code).toBe('isv.invalid-signature');
  });

  it('an app error: an unknown app_id, answered unsigned under the method node', async () => {
    const error = await rejection(
      client({ appId: '2021009999999999' }).marketing.voucher.send({
        template_id: TEMPLATE,
        out_biz_no: outBizNo(),
        user_id: USER.user_id,
      }),
    );
    expect((error as AlipayApiError).sub_code).toBe('isv.invalid-app-id');
  });
});

// The Java SDK's spellings (charset=UTF-8, format=json), signed as sent, with the common parameters in
// the query (as Java sends them), in the form body, or a GET with everything in the query.
function javaParams(out_biz_no: string, charset = 'UTF-8'): Record<string, string> {
  const params: Record<string, string> = {
    app_id: APP_ID,
    method: 'alipay.marketing.voucher.send',
    format: 'json',
    charset,
    sign_type: 'RSA2',
    timestamp: formatTimestamp(),
    version: '1.0',
    alipay_sdk: 'alipay-sdk-java-4.38.0.ALL',
    biz_content: JSON.stringify({ template_id: TEMPLATE, out_biz_no, user_id: USER.user_id }),
  };
  const sign = createSign('RSA-SHA256')
    .update(canonicalize(params), 'utf8')
    .sign(DEMO_APP_KEYS.privateKey, 'base64');
  return { ...params, sign };
}

async function verifiedNode(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html;charset=/i);
  const verifier = createVerifier({ alipayPublicKey: fake.gateway.alipayPublicKey });
  const verified = await verifier.verifyResponse(await response.text(), 'alipay.marketing.voucher.send');
  expect(verified.verified).toBe(true);
  return verified.node as { code: string; user_id?: string };
}

const form = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('requests spelled as the Java SDK spells them, through Prism to the fake', () => {
  it('common parameters in the query, biz_content in the body', async () => {
    const { biz_content, ...common } = javaParams(outBizNo());
    const response = await recordingFetch(seen, checkAnswer)(`${gatewayUrl()}?${form(common)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: form({ biz_content: biz_content! }),
    });
    expect(await verifiedNode(response)).toMatchObject({ code: '10000', user_id: USER.user_id });
  });

  it('every parameter in the form body', async () => {
    const response = await recordingFetch(seen, checkAnswer)(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: form(javaParams(outBizNo())),
    });
    expect(await verifiedNode(response)).toMatchObject({ code: '10000', user_id: USER.user_id });
  });

  it('without app_id: the unsigned isv.missing-app-id answer passes too', async () => {
    const { app_id: _appId, ...params } = javaParams(outBizNo());
    const response = await recordingFetch(seen, checkAnswer)(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: form(params),
    });
    expect(response.status).toBe(200);
    const body = JSON.parse(await response.text());
    // Under the method's node, as public captures of the real gateway show errors before any app is known.
    expect(body.alipay_marketing_voucher_send_response).toMatchObject({
      code: '40001',
      sub_code: 'isv.missing-app-id',
      sub_msg: '缺少AppID参数',
    });
  });

  it('GET with every parameter in the query', async () => {
    const response = await recordingFetch(
      seen,
      checkAnswer,
    )(`${gatewayUrl()}?${form(javaParams(outBizNo()))}`);
    expect(await verifiedNode(response)).toMatchObject({ code: '10000', user_id: USER.user_id });
  });
});

describe('the proxy is not lenient', () => {
  // What the spec does not allow is refused, on either operation: the proxy above checks something.
  it.each([
    ['a POST with a mixed-case charset', 'POST', { charset: 'Utf-8' }, /charset/],
    ['a GET with a mixed-case format', 'GET', { format: 'Json' }, /format/],
    ['a GET with a malformed timestamp', 'GET', { timestamp: '2024-01-01T00:00:00' }, /timestamp|pattern/],
  ] as const)('%s is refused with a 422', async (_name, method, change, message) => {
    const refused: string[] = [];
    const params = new URLSearchParams({ ...javaParams(outBizNo()), ...change }).toString();
    const response = await recordingFetch(refused)(
      method === 'GET' ? `${gatewayUrl()}?${params}` : gatewayUrl(),
      method === 'GET'
        ? {}
        : {
            method,
            headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
            body: params,
          },
    );
    expect(response.status).toBe(422);
    expect(refused.join('\n')).toMatch(message);
  });
});

describe('the official alipay-sdk through Prism to the fake', () => {
  // alipay-sdk formats timestamp in the host's local time: run it in Beijing time, as in China.
  const hostTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Shanghai';
  });
  afterAll(() => {
    process.env.TZ = hostTz;
  });
  const sdk = () =>
    new AlipaySdk({
      appId: APP_ID,
      privateKey: DEMO_APP_KEYS.privateKey.trim(),
      keyType: 'PKCS8',
      alipayPublicKey: fake.gateway.alipayPublicKey.trim(),
      gateway: gatewayUrl(),
    });

  it('sends a voucher and validates the signature', async () => {
    const result = await sdk().exec(
      'alipay.marketing.voucher.send',
      { bizContent: { template_id: TEMPLATE, out_biz_no: outBizNo(), user_id: USER.user_id } },
      { validateSign: true },
    );
    expect(result).toMatchObject({ code: '10000', userId: USER.user_id });
  });

  it('gets a business error', async () => {
    const result = await sdk().exec(
      'alipay.marketing.voucher.send',
      { bizContent: { template_id: 'NO_SUCH_TEMPLATE', out_biz_no: outBizNo(), user_id: USER.user_id } },
      { validateSign: true },
    );
    expect(result).toMatchObject({ code: '40004', subCode: 'TEMPLATE_NOT_EXIST' });
  });
});
