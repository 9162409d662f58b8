import { describe, expectTypeOf, it } from 'vitest';
import type {
  Charset,
  COMMON_PARAMS,
  CommonRequestParams,
  ErrorResponse,
  GatewayForm,
  operations,
  ResultCode,
  SUB_CODES,
  SubCode,
  VoucherSendBizContent,
  VoucherSendBizFields,
  VoucherSendIdentity,
  VoucherSendResponse,
  VoucherSendResponseBody,
} from '../src/index';

type Base = { template_id: string; out_biz_no: string };

describe('VoucherSendBizContent', () => {
  it('requires template_id, out_biz_no and one identity field', () => {
    expectTypeOf<Base & { user_id: string }>().toExtend<VoucherSendBizContent>();
    expectTypeOf<Base & { taobao_nick: string; memo: string }>().toExtend<VoucherSendBizContent>();
    expectTypeOf<{ out_biz_no: string; user_id: string }>().not.toExtend<VoucherSendBizContent>();
    expectTypeOf<{ template_id: string; user_id: string }>().not.toExtend<VoucherSendBizContent>();
    expectTypeOf<Base>().not.toExtend<VoucherSendBizContent>();
  });

  it('types amount as a string (a Price), optional', () => {
    expectTypeOf<VoucherSendBizContent['amount']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Base & { user_id: string; amount: number }>().not.toExtend<VoucherSendBizContent>();
  });

  it('is VoucherSendBizFields and VoucherSendIdentity, which still allows several identity fields', () => {
    expectTypeOf<VoucherSendBizContent>().toEqualTypeOf<VoucherSendBizFields & VoucherSendIdentity>();
    expectTypeOf<
      Base & { user_id: string; login_id: string; taobao_nick: string }
    >().toExtend<VoucherSendBizContent>();
    expectTypeOf<
      Base & { user_id: string | undefined; login_id: string }
    >().toExtend<VoucherSendBizContent>();
    expectTypeOf<Base & { login_id: string | undefined }>().not.toExtend<VoucherSendBizContent>();
    expectTypeOf<VoucherSendBizFields['user_id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<keyof VoucherSendBizFields>().toEqualTypeOf<
      'template_id' | 'user_id' | 'login_id' | 'taobao_nick' | 'out_biz_no' | 'amount' | 'memo'
    >();
  });

  it('rejects a field the spec does not declare, in an object literal', () => {
    // @ts-expect-error user_name is not a field of biz_content
    const biz: VoucherSendBizContent = { template_id: 't', out_biz_no: 'o', user_id: 'u', user_name: 'x' };
    expectTypeOf(biz).toExtend<VoucherSendBizContent>();
  });
});

describe('responses', () => {
  it('types code with the result codes of the facts', () => {
    expectTypeOf<VoucherSendResponse['code']>().toEqualTypeOf<ResultCode>();
    expectTypeOf<ErrorResponse['code']>().toEqualTypeOf<ResultCode>();
    expectTypeOf<ResultCode>().toEqualTypeOf<
      '10000' | '20000' | '20001' | '40001' | '40002' | '40004' | '40006'
    >();
    expectTypeOf<'TEMPLATE_NOT_EXIST'>().toExtend<SubCode>();
    expectTypeOf<'NOT_A_SUB_CODE'>().not.toExtend<SubCode>();
    // SubCode is exactly the known sub codes (never widened to string), so `SubCode | (string & {})`
    // keeps their completions.
    expectTypeOf<SubCode>().toEqualTypeOf<keyof typeof SUB_CODES>();
    expectTypeOf<string>().not.toExtend<SubCode>();
  });

  it('has the response node or error_response in the body', () => {
    expectTypeOf<{
      sign: string;
      alipay_marketing_voucher_send_response: VoucherSendResponse;
    }>().toExtend<VoucherSendResponseBody>();
    expectTypeOf<{ error_response: ErrorResponse }>().toExtend<VoucherSendResponseBody>();
    expectTypeOf<{ sign: string }>().not.toExtend<VoucherSendResponseBody>();
    expectTypeOf<VoucherSendResponse['voucher_id']>().toEqualTypeOf<string | undefined>();
  });
});

describe('request', () => {
  it('types the common parameters with the enums of the facts', () => {
    expectTypeOf<CommonRequestParams['charset']>().toEqualTypeOf<
      (typeof COMMON_PARAMS.charset.enum)[number]
    >();
    // The wire takes the Java SDK's spellings; what aopkit sends stays the three lower-case ones.
    expectTypeOf<'UTF-8'>().toExtend<CommonRequestParams['charset']>();
    expectTypeOf<Charset>().toEqualTypeOf<'utf-8' | 'gbk' | 'gb2312'>();
    expectTypeOf<CommonRequestParams['format']>().toEqualTypeOf<'JSON' | 'json' | undefined>();
    expectTypeOf<CommonRequestParams['sign_type']>().toEqualTypeOf<'RSA2' | 'RSA'>();
    expectTypeOf<CommonRequestParams['method']>().toEqualTypeOf<'alipay.marketing.voucher.send'>();
    expectTypeOf<CommonRequestParams['app_auth_token']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<(typeof COMMON_PARAMS)['app_id']['maxLength']>().toEqualTypeOf<32>();
  });

  // Each common parameter may come in the query or the form body (the issue changed this: the query
  // parameters used to be required and the form held only biz_content and app_auth_token).
  it('lets every common parameter come in the query or in GatewayForm, the form body', () => {
    type Operation = operations['alipayMarketingVoucherSend'];
    expectTypeOf<
      NonNullable<Operation['requestBody']>['content']['application/x-www-form-urlencoded']
    >().toEqualTypeOf<GatewayForm>();
    expectTypeOf<GatewayForm['biz_content']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GatewayForm['timestamp']>().toEqualTypeOf<string | undefined>();
    type Query = NonNullable<Operation['parameters']['query']>;
    expectTypeOf<Query['timestamp']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<keyof Query>().not.toEqualTypeOf<'biz_content'>();
  });
});
