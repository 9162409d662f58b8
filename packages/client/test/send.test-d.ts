import { describe, expectTypeOf, it } from 'vitest';
import {
  type AlipayClient,
  type AlipayError,
  type AlipayValidationError,
  createAlipayClient,
  type VoucherSendParams,
  type VoucherSendResult,
} from '../src/index.js';

declare const client: AlipayClient;
const send = client.marketing.voucher.send;

describe('client.marketing.voucher.send types', () => {
  it('resolves to exactly { voucher_id: string; user_id: string }', () => {
    expectTypeOf(send).returns.resolves.toEqualTypeOf<{ voucher_id: string; user_id: string }>();
    expectTypeOf<VoucherSendResult>().toEqualTypeOf<{ voucher_id: string; user_id: string }>();
  });

  it('takes the spec fields, with amount as number or string', () => {
    send({ template_id: 'T', out_biz_no: 'o', user_id: '2088' });
    send({ template_id: 'T', out_biz_no: 'o', login_id: 'a@b.c', amount: 9.99 });
    send({ template_id: 'T', out_biz_no: 'o', taobao_nick: 'nick', amount: '9.99', memo: 'm' });
    send(
      { template_id: 'T', out_biz_no: 'o', user_id: '2088' },
      { timeoutMs: 1000, maxRetries: 0, signal: AbortSignal.timeout(5) },
    );
  });

  it('rejects a missing template_id', () => {
    // @ts-expect-error template_id is required
    send({ out_biz_no: 'o', user_id: '2088' });
  });

  it('rejects an unknown field', () => {
    // @ts-expect-error userId is not a field (the wire name is user_id)
    send({ template_id: 'T', out_biz_no: 'o', user_id: '2088', userId: '2088' });
  });

  it('requires one identity field', () => {
    // @ts-expect-error one of user_id, login_id, taobao_nick is required (the error names user_id:
    // test/fieldDocs.test.ts checks its text)
    send({ template_id: 'T', out_biz_no: 'o' });
    // @ts-expect-error an identity that may be undefined is no identity
    send({ template_id: 'T', out_biz_no: 'o', login_id: undefined as string | undefined });
  });

  it('takes several identity fields, the first present winning, and one that may be undefined beside another', () => {
    send({ template_id: 'T', out_biz_no: 'o', user_id: '2088', login_id: 'a@b.c', taobao_nick: 'n' });
    send({ template_id: 'T', out_biz_no: 'o', user_id: undefined as string | undefined, login_id: 'a@b.c' });
    expectTypeOf<VoucherSendParams['login_id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<VoucherSendParams['amount']>().toEqualTypeOf<number | string | undefined>();
  });

  it('rejects an amount of the wrong type', () => {
    const params: VoucherSendParams = { template_id: 'T', out_biz_no: 'o', user_id: 'u' };
    // @ts-expect-error amount is a number or a string
    send({ ...params, amount: true });
  });

  it('types the options', () => {
    // @ts-expect-error charset is spelt lower-case, as signed
    createAlipayClient({ appId: 'a', privateKey: 'k', alipayPublicKey: 'p', charset: 'UTF-8' });
    expectTypeOf<AlipayValidationError['field']>().toEqualTypeOf<string>();
    expectTypeOf<AlipayValidationError>().toExtend<AlipayError>();
    expectTypeOf<AlipayError['retryable']>().toEqualTypeOf<boolean>();
  });
});
