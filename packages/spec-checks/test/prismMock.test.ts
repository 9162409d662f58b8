import { AlipayApiError, type AlipayClientOptions, createAlipayClient } from '@aopkit/client';
import {
  DEMO_ALIPAY_KEYS,
  DEMO_ALIPAY_PUBLIC_CERT,
  DEMO_ALIPAY_ROOT_CERT,
  DEMO_APP_CERT,
  DEMO_APP_KEYS,
} from '@aopkit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerChecker } from '../src/answerSchema.js';
import { DEMO_AES_KEY } from '../src/signedExamples.js';
import { type Prism, recordingFetch, SPEC, startPrism } from './helpers/prism.js';

// Prism as a mock of the spec alone (no fake behind it): it answers with the spec's example answers,
// and @aopkit/client, given only the published demo Alipay public key, must verify and resolve them.
let prism: Prism;
let checkAnswer: (text: string) => string;
const seen: string[] = [];
beforeAll(async () => {
  checkAnswer = await answerChecker();
  prism = await startPrism({ mode: 'mock', spec: SPEC });
});
afterAll(() => prism?.stop());
afterEach(() => {
  expect(seen).toEqual([]);
});

/** A client of the mock that asks it for one named example (Prism's `Prefer: example=NAME`). */
function client(example: string, options: Partial<AlipayClientOptions> = {}) {
  const record = recordingFetch(seen, checkAnswer);
  return createAlipayClient({
    appId: '2014072300007148',
    privateKey: DEMO_APP_KEYS.privateKey,
    alipayPublicKey: DEMO_ALIPAY_KEYS.publicKey,
    gateway: `${prism.origin}/gateway.do`,
    maxRetries: 0,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('prefer', `example=${example}`);
      return record(input, { ...init, headers });
    },
    ...options,
  } as AlipayClientOptions);
}

// The reference page's request, the user the success examples name.
const params = {
  template_id: '20140601000730010040000000EB',
  out_biz_no: 'mock-1',
  user_id: '2088302001456115',
};
const success = { voucher_id: '20160906000730020020002U8CBS', user_id: '2088302001456115' };
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('@aopkit/client against Prism mocking the spec', () => {
  it('the success example verifies and resolves', async () => {
    expect(await client('success').marketing.voucher.send(params)).toEqual(success);
  });

  it('the certificate-mode example verifies with the demo Alipay certificate and its SN', async () => {
    const certClient = client('certificateMode', {
      alipayPublicKey: undefined,
      appCert: DEMO_APP_CERT,
      alipayPublicCert: DEMO_ALIPAY_PUBLIC_CERT,
      alipayRootCert: DEMO_ALIPAY_ROOT_CERT,
    } as Partial<AlipayClientOptions>);
    expect(await certClient.marketing.voucher.send(params)).toEqual(success);
  });

  it('the encrypted example verifies, then decrypts with the demo AES key', async () => {
    const aesClient = client('encrypted', { encryptKey: DEMO_AES_KEY });
    expect(await aesClient.marketing.voucher.send(params)).toEqual(success);
  });

  it.each([
    ['serviceUnavailable', '20000', 'isp.unknow-error', true],
    ['templateNotExist', '40004', 'TEMPLATE_NOT_EXIST', true],
    ['invalidSignature', '40002', 'isv.invalid-signature', true],
    ['invalidAppId', '40002', 'isv.invalid-app-id', false],
    ['missingAppId', '40001', 'isv.missing-app-id', false],
  ] as const)('the %s example is a %s %s answer (verified: %s)', async (example, code, subCode, verified) => {
    const error = await rejection(client(example).marketing.voucher.send(params));
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({ code, sub_code: subCode, verified });
  });
});
