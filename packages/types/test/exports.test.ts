import { expect, expectTypeOf, it } from 'vitest';
import * as types from '../src/index';

it('exports exactly the runtime names other packages import', () => {
  expect(Object.keys(types).sort()).toEqual([
    'BIZ_CONTENT_DESCRIPTIONS',
    'BIZ_CONTENT_FIELDS',
    'BUSINESS_SUB_CODES',
    'COMMON_PARAMS',
    'COMMON_PARAM_DESCRIPTIONS',
    'ERROR_RESPONSE_NODE',
    'GATEWAYS',
    'GATEWAY_PATH',
    'IDENTITY_FIELDS',
    'METHOD',
    'RESPONSE_FIELDS',
    'RESPONSE_FIELD_DESCRIPTIONS',
    'RESPONSE_NODE',
    'RESULT_CODES',
    'RESULT_CODE_HANDLING',
    'SUB_CODES',
    'SUB_CODE_HANDLING',
  ]);
});

it('exports these types', () => {
  // Removing or renaming one of them fails the typecheck.
  type Exported = [
    types.CommonRequestParams,
    types.GatewayForm,
    types.VoucherSendBizContent,
    types.VoucherSendBizFields,
    types.VoucherSendIdentity,
    types.VoucherSendResponse,
    types.ErrorResponse,
    types.VoucherSendResponseBody,
    types.FieldRule,
    types.CodeHandling,
    types.ResultCode,
    types.ResultCodeInfo,
    types.SubCode,
    types.SubCodeInfo,
    types.components,
    types.operations,
    types.paths,
  ];
  expectTypeOf<Exported>().toBeArray();
});

it('holds the facts of alipay.marketing.voucher.send', () => {
  expect(types.METHOD).toBe('alipay.marketing.voucher.send');
  expect(types.RESPONSE_NODE).toBe('alipay_marketing_voucher_send_response');
  expect(types.GATEWAY_PATH).toBe('/gateway.do');
  expect(types.GATEWAYS).toEqual({
    production: 'https://openapi.alipay.com/gateway.do',
    sandbox: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do',
  });
  expect(types.COMMON_PARAMS.sign.maxLength).toBe(344);
  expect(types.COMMON_PARAMS.biz_content).toMatchObject({ required: true });
  expect(types.COMMON_PARAMS.biz_content).not.toHaveProperty('maxLength');
  expect(types.IDENTITY_FIELDS).toEqual(['user_id', 'login_id', 'taobao_nick']);
  expect(Object.keys(types.RESULT_CODES)).toEqual([
    '10000',
    '20000',
    '20001',
    '40001',
    '40002',
    '40004',
    '40006',
  ]);
  expect(types.BUSINESS_SUB_CODES).toEqual([
    'TEMPLATE_NOT_EXIST',
    'TEMPLATE_EXPIRED',
    'USER_NOT_EXIST',
    'USER_STATUS_ERROR',
    'INVALID_PARAMETER',
    'SYSTEM_ERROR',
  ]);
  const retryable = Object.entries(types.SUB_CODES).filter(([, info]) => info.retryable);
  expect(retryable.map(([code]) => code)).toEqual(['isp.unknow-error', 'aop.unknow-error', 'SYSTEM_ERROR']);
  expect(Object.keys(types.SUB_CODES)).toHaveLength(2 + 6 + 8 + 16 + 2 + 6);
  expect(Object.keys(types.SUB_CODE_HANDLING)).toEqual(Object.keys(types.SUB_CODES));
  expect(types.SUB_CODE_HANDLING.SYSTEM_ERROR).toEqual({
    meaning: 'The system is busy.',
    advice: types.SUB_CODES.SYSTEM_ERROR.advice,
    retryable: true,
  });
  expect(types.SUB_CODE_HANDLING.TEMPLATE_EXPIRED.meaning).toBe('The voucher template has expired.');
  expect(types.RESULT_CODE_HANDLING['40004'].meaning).toBe(types.RESULT_CODES['40004'].meaning);
  expect(types.RESULT_CODE_HANDLING['20000']).toMatchObject({
    msg: 'Service Currently Unavailable',
    retryable: true,
  });
  expect(types.COMMON_PARAMS.app_id).toEqual({ required: true, maxLength: 32 });
  expect(types.COMMON_PARAM_DESCRIPTIONS.app_id).toMatch(/^The application id/);
  expect(Object.keys(types.BIZ_CONTENT_DESCRIPTIONS)).toEqual(Object.keys(types.BIZ_CONTENT_FIELDS));
  expect(Object.keys(types.RESPONSE_FIELD_DESCRIPTIONS)).toEqual(Object.keys(types.RESPONSE_FIELDS));
});

it('has an English meaning and advice for every result code and sub code', () => {
  // Printable ASCII plus the ellipsis and dashes the spec's English uses: no Chinese slips into a message.
  const english = /^[\x20-\x7e…–—]+$/;
  const entries = [...Object.entries(types.RESULT_CODE_HANDLING), ...Object.entries(types.SUB_CODE_HANDLING)];
  expect(entries).toHaveLength(Object.keys(types.RESULT_CODES).length + Object.keys(types.SUB_CODES).length);
  for (const [code, { meaning, advice }] of entries) {
    expect(meaning, code).toMatch(english);
    expect(meaning, code).toMatch(/\.$/);
    expect(advice, code).toMatch(english);
  }
});
