import { SUB_CODES } from '@aopkit/types';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { AlipayApiError } from '../src/index.js';
import { clientOf, nextOutBizNo, USER, useFakeGateway } from './helpers/fakeSetup.js';
import { testKeys } from './helpers/keys.js';

const fake = useFakeGateway();
const { gateway, server } = fake;

const send = (params: Partial<{ template_id: string; user_id: string; amount: string }> = {}, extra = {}) =>
  clientOf(fake, extra)
    .marketing.voucher.send({
      template_id: 'T_VOUCHER',
      out_biz_no: nextOutBizNo(),
      user_id: USER.user_id,
      ...params,
    })
    .then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error as AlipayApiError,
    );

describe('business failures (40004), from the fake’s state', () => {
  it.each([
    ['TEMPLATE_NOT_EXIST', { template_id: 'T_NOPE' }],
    ['TEMPLATE_EXPIRED', { template_id: 'T_EXPIRED' }],
    ['USER_NOT_EXIST', { user_id: '2088999999999999' }],
    ['USER_STATUS_ERROR', { user_id: '2088000000000002' }],
    ['INVALID_PARAMETER', { amount: '9.99' }], // an amount on a plain voucher template
  ])('%s → AlipayApiError, verified, with the spec advice, not retried', async (subCode, params) => {
    const error = await send(params);
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({ code: '40004', sub_code: subCode, verified: true, retryable: false });
    expect(error.advice).toBe(SUB_CODES[subCode as keyof typeof SUB_CODES].advice);
    expect(error.message).toContain(subCode);
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.vouchers).toHaveLength(0);
  });

  it.each([
    'TEMPLATE_NOT_EXIST',
    'TEMPLATE_EXPIRED',
    'USER_NOT_EXIST',
    'USER_STATUS_ERROR',
    'INVALID_PARAMETER',
  ] as const)('scripted %s is not retried', async (subCode) => {
    gateway.nextCall({ sub_code: subCode });
    expect(await send()).toMatchObject({ code: '40004', sub_code: subCode, retryable: false });
    expect(gateway.requests).toHaveLength(1);
  });

  it('SYSTEM_ERROR is retried, and the retry succeeds', async () => {
    gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    const result = await clientOf(fake).marketing.voucher.send({
      template_id: 'T_VOUCHER',
      out_biz_no: nextOutBizNo(),
      user_id: USER.user_id,
    });
    expect(result.user_id).toBe(USER.user_id);
    expect(gateway.requests.map((r) => r.verdict?.sub_code ?? r.verdict?.code)).toEqual([
      'SYSTEM_ERROR',
      'SYSTEM_ERROR',
      '10000',
    ]);
  });

  it('SYSTEM_ERROR beyond maxRetries surfaces as retryable', async () => {
    for (let i = 0; i < 3; i++) gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    expect(await send({}, { maxRetries: 2 })).toMatchObject({ sub_code: 'SYSTEM_ERROR', retryable: true });
    expect(gateway.requests).toHaveLength(3);
  });
});

describe('gateway failures (400xx)', () => {
  it('a wrong private key → isv.invalid-signature naming the cause, not retried', async () => {
    const error = await send({}, { key: testKeys().other });
    expect(error).toMatchObject({ code: '40002', sub_code: 'isv.invalid-signature', retryable: false });
    expect(error.gatewaySignString).toBe(error.clientSignString);
    expect(error.firstDifference).toMatch(/^none: .*private key does not match the app public key/);
    expect(gateway.requests).toHaveLength(1);
  });

  it('a proxy that rewrites charset → the first difference names the charset mismatch', async () => {
    server.use(
      http.post(fake.url, async ({ request }) => {
        const url = request.url.replace('charset=utf-8', 'charset=UTF-8');
        const response = await gateway.handle(
          new Request(url, { method: 'POST', headers: request.headers, body: await request.text() }),
        );
        return response as Response;
      }),
    );
    const error = await send();
    expect(error.sub_code).toBe('isv.invalid-signature');
    expect(error.firstDifference).toBe(
      'charset mismatch: the gateway has "UTF-8", the client signed "utf-8"',
    );
    expect(error.gatewaySignString).toContain('charset=UTF-8');
    expect(error.clientSignString).toContain('charset=utf-8');
  });

  it('an unknown app id → 40002 isv.invalid-app-id, not retried', async () => {
    expect(await send({}, { appId: '2021999999999999' })).toMatchObject({
      code: '40002',
      sub_code: 'isv.invalid-app-id',
      retryable: false,
    });
    expect(gateway.requests).toHaveLength(1);
  });

  it('an RSA2 signature for an RSA app → a 40002 error, not retried', async () => {
    const error = await send({}, { appId: '2021000000000002' });
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({ code: '40002', retryable: false });
    expect(gateway.requests).toHaveLength(1);
  });
});
