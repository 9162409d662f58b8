import { RESULT_CODE_HANDLING, SUB_CODE_HANDLING } from '@aopkit/types';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AlipayApiError,
  AlipayConnectionError,
  AlipayError,
  AlipayResponseError,
  AlipaySignatureError,
  AlipayTimeoutError,
  AlipayValidationError,
  createAlipayClient,
} from '../src/index.js';
import { clientOf, nextOutBizNo, USER, untilAnswered, useFakeGateway } from './helpers/fakeSetup.js';
import { testKeys } from './helpers/keys.js';
import { miniGateway } from './helpers/miniGateway.js';

const fake = useFakeGateway();
const { gateway, server } = fake;

const params = (extra = {}) => ({
  template_id: 'T_VOUCHER',
  out_biz_no: nextOutBizNo('report'),
  user_id: USER.user_id,
  ...extra,
});
const failure = async (extra = {}, call = {}): Promise<AlipayError> => {
  const error = await clientOf(fake, extra)
    .marketing.voucher.send(params(call))
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AlipayError);
  return error as AlipayError;
};

describe('a failure says how many attempts were made and whether a voucher may exist', () => {
  it('a verified business refusal: one attempt, no voucher', async () => {
    const error = await failure({}, { template_id: 'T_NOPE' });
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({
      code: '40004',
      sub_code: 'TEMPLATE_NOT_EXIST',
      attempts: 1,
      mayHaveIssued: false,
    });
  });

  it('SYSTEM_ERROR three times with two retries: three attempts, a voucher may exist', async () => {
    for (let i = 0; i < 3; i++) gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    expect(await failure({ maxRetries: 2 })).toMatchObject({
      sub_code: 'SYSTEM_ERROR',
      attempts: 3,
      mayHaveIssued: true,
    });
  });

  it('a dropped connection, then a verified refusal: two attempts, and the drop still counts', async () => {
    gateway.nextCall({ drop: 'after-issue' });
    gateway.nextCall({ sub_code: 'TEMPLATE_EXPIRED' });
    const error = await failure({ maxRetries: 2 });
    expect(error).toMatchObject({ sub_code: 'TEMPLATE_EXPIRED', attempts: 2, mayHaveIssued: true });
  });

  it('HTTP 503 on every attempt: AlipayResponseError after three attempts, a voucher may exist', async () => {
    server.use(http.post(fake.url, () => HttpResponse.text('busy', { status: 503 })));
    const error = await failure({ maxRetries: 2 });
    expect(error).toBeInstanceOf(AlipayResponseError);
    expect(error).toMatchObject({ code: 'ERR_RESPONSE', status: 503, attempts: 3, mayHaveIssued: true });
  });

  it('a dropped connection with no retries: AlipayConnectionError, one attempt, a voucher may exist', async () => {
    gateway.nextCall({ drop: 'after-issue' });
    const error = await failure({ maxRetries: 0 });
    expect(error).toBeInstanceOf(AlipayConnectionError);
    expect(error).toMatchObject({ code: 'ERR_CONNECTION', attempts: 1, mayHaveIssued: true });
  });

  it('timeouts: AlipayTimeoutError after two attempts, a voucher may exist', async () => {
    gateway.nextCall({ latencyMs: 1_000 });
    gateway.nextCall({ latencyMs: 1_000 });
    const p = params();
    const error = await clientOf(fake, { timeoutMs: 150, maxRetries: 1 })
      .marketing.voucher.send(p)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayTimeoutError);
    expect(error).toMatchObject({ code: 'ERR_TIMEOUT', attempts: 2, mayHaveIssued: true });
    await untilAnswered(gateway, p.out_biz_no, 2);
  });

  it('a refused input: zero attempts, nothing sent', async () => {
    const error = await failure({}, { amount: '9.999' });
    expect(error).toBeInstanceOf(AlipayValidationError);
    expect(error).toMatchObject({ attempts: 0, mayHaveIssued: false });
    expect(gateway.requests).toHaveLength(0);
  });
});

describe('a response whose signature does not verify says what to check', () => {
  const advice = [
    /alipayPublicKey is the Alipay public key \(支付宝公钥/,
    /sandbox keys against production, or the reverse/,
    /A voucher may already have been issued: resend the same out_biz_no to learn it/,
  ];

  it('an Alipay public key of another environment (another key pair)', async () => {
    const error = await failure({ alipayPublicKey: testKeys().other.publicKey });
    expect(error).toBeInstanceOf(AlipaySignatureError);
    expect(error).toMatchObject({
      code: 'ERR_SIGNATURE',
      reason: 'bad-signature',
      attempts: 1,
      mayHaveIssued: true,
    });
    for (const line of advice) expect(error.message).toMatch(line);
  });

  it('one byte of a signed success altered on the way', async () => {
    server.use(
      http.post(fake.url, async ({ request }) => {
        const response = (await gateway.handle(request)) as Response;
        return HttpResponse.text((await response.text()).replace('"code":"10000"', '"code":"10000" '));
      }),
    );
    const error = await failure();
    expect(error).toMatchObject({ reason: 'bad-signature', mayHaveIssued: true });
    for (const line of advice) expect(error.message).toMatch(line);
  });
});

describe('errors users can switch on, in English', () => {
  it('a business refusal: English meaning of code and sub code, the Chinese sub_msg kept as a field', async () => {
    const error = (await failure({}, { template_id: 'T_EXPIRED' })) as AlipayApiError;
    expect(error.message).toContain(
      `40004 ${RESULT_CODE_HANDLING['40004'].msg}: ${RESULT_CODE_HANDLING['40004'].meaning}`,
    );
    expect(error.message).toContain(`TEMPLATE_EXPIRED: ${SUB_CODE_HANDLING.TEMPLATE_EXPIRED.meaning}`);
    expect(error.message).toContain(SUB_CODE_HANDLING.TEMPLATE_EXPIRED.advice);
    expect(error.sub_msg).toMatch(/[\u4e00-\u9fff]/);
    expect(error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('an isv.invalid-signature: no Chinese in the message, the first difference in English', async () => {
    const error = (await failure({ key: testKeys().other, maxRetries: 0 })) as AlipayApiError;
    expect(error).toMatchObject({ code: '40002', sub_code: 'isv.invalid-signature' });
    expect(error.message).toContain(
      '40002 Invalid Arguments: A parameter is invalid, the signature included',
    );
    expect(error.message).toMatch(
      /the gateway could not verify the request signature \(first difference: none/,
    );
    expect(error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a result code the spec does not declare: AlipayResponseError, its code kept as resultCode', async () => {
    const keys = testKeys();
    const gw = miniGateway(keys, () => ({ node: { code: '40009', msg: 'New Thing', sub_code: 'isv.new' } }));
    const client = createAlipayClient({
      appId: '2021000000000001',
      privateKey: keys.app.privateKey,
      alipayPublicKey: keys.alipay.publicKey,
      fetch: gw.fetch,
    });
    const error = await client.marketing.voucher.send(params()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayResponseError);
    expect(error).not.toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({
      code: 'ERR_RESPONSE',
      resultCode: '40009',
      retryable: false,
      mayHaveIssued: true,
    });
  });
});

describe('the final failure is logged no lower than the retries before it', () => {
  const recorder = (levels: readonly ('debug' | 'warn' | 'error')[]) => {
    const lines: string[] = [];
    const logger = Object.fromEntries(
      levels.map((level) => [
        level,
        (message: string, meta?: object) => lines.push(`${level} ${message} ${JSON.stringify(meta)}`),
      ]),
    );
    return { lines, logger };
  };

  it('retries at warn, the final failure at error, with attempts and mayHaveIssued', async () => {
    const { lines, logger } = recorder(['debug', 'warn', 'error']);
    for (let i = 0; i < 2; i++) gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    await failure({ logger, maxRetries: 1 });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^warn alipay call failed, retrying .*"attempt":1/);
    expect(lines[1]).toMatch(
      /^error alipay call failed .*"attempt":2.*"sub_code":"SYSTEM_ERROR".*"mayHaveIssued":true/,
    );
  });

  it('a logger without error(): the final failure at warn, never at debug', async () => {
    const { lines, logger } = recorder(['debug', 'warn']);
    const error = await failure({ logger }, { template_id: 'T_NOPE' });
    expect(error).toMatchObject({ sub_code: 'TEMPLATE_NOT_EXIST' });
    expect(lines).toEqual([
      expect.stringMatching(/^warn alipay call failed .*"code":"40004".*"mayHaveIssued":false/),
    ]);
  });
});
