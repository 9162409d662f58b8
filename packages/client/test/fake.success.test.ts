import { BIZ_CONTENT_FIELDS, GATEWAYS } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import type { VoucherSendParams } from '../src/index.js';
import {
  APP_ID,
  CUSTOM_BASE,
  clientOf,
  nextOutBizNo,
  RSA_APP_ID,
  USER,
  useFakeGateway,
} from './helpers/fakeSetup.js';

const fake = useFakeGateway();
const { gateway, server } = fake;

describe('successful sends against the fake gateway (MSW)', () => {
  it.each(['user_id', 'login_id', 'taobao_nick'] as const)('by %s', async (field) => {
    const client = clientOf(fake);
    const out_biz_no = nextOutBizNo();
    const result = await client.marketing.voucher.send({
      template_id: 'T_VOUCHER',
      out_biz_no,
      [field]: USER[field],
    } as VoucherSendParams);
    expect(result).toEqual({ voucher_id: expect.any(String), user_id: USER.user_id });
    expect(gateway.vouchers).toEqual([
      expect.objectContaining({ voucher_id: result.voucher_id, out_biz_no, user_id: USER.user_id }),
    ]);
    const [entry] = gateway.requests;
    expect(entry).toMatchObject({ app_id: APP_ID, signed: true, verdict: { code: '10000' } });
    // As the Java SDK: common parameters in the query, biz_content in the body.
    expect(entry!.placement).toMatchObject({
      method: 'query',
      sign: 'query',
      timestamp: 'query',
      biz_content: 'body',
    });
  });

  it('sends a red packet with a number amount as #.00 text', async () => {
    const result = await clientOf(fake).marketing.voucher.send({
      template_id: 'T_RED',
      out_biz_no: nextOutBizNo(),
      user_id: USER.user_id,
      amount: 10,
    });
    expect(gateway.vouchers[0]).toMatchObject({ voucher_id: result.voucher_id, amount: '10.00' });
  });

  it.each([
    ['production', 'production', GATEWAYS.production],
    ['sandbox', 'sandbox', GATEWAYS.sandbox],
    ['a custom base URL', CUSTOM_BASE, `${CUSTOM_BASE}/gateway.do`],
    ['a custom gateway.do URL', `${CUSTOM_BASE}/gateway.do`, `${CUSTOM_BASE}/gateway.do`],
  ])('reaches %s', async (_name, option, url) => {
    const seen: string[] = [];
    server.events.on('request:start', ({ request }) => seen.push(request.url.split('?')[0]!));
    try {
      await clientOf(fake, { gateway: option }).marketing.voucher.send({
        template_id: 'T_VOUCHER',
        out_biz_no: nextOutBizNo(),
        user_id: USER.user_id,
      });
    } finally {
      server.events.removeAllListeners();
    }
    expect(seen).toEqual([url]);
  });

  it.each(['gbk', 'gb2312'] as const)('signs and sends Chinese text in %s', async (charset) => {
    const memo = '新年快乐，优惠券已到账';
    const result = await clientOf(fake, { charset }).marketing.voucher.send({
      template_id: 'T_VOUCHER',
      out_biz_no: nextOutBizNo(),
      taobao_nick: USER.taobao_nick,
      memo,
    });
    expect(result.user_id).toBe(USER.user_id);
    expect(gateway.requests[0]).toMatchObject({ charset, signed: true, verdict: { code: '10000' } });
    expect(gateway.vouchers[0]!.memo).toBe(memo);
  });

  it('refuses text the charset cannot carry, before sending anything', async () => {
    const send = clientOf(fake, { charset: 'gbk' }).marketing.voucher.send({
      template_id: 'T_VOUCHER',
      out_biz_no: nextOutBizNo(),
      user_id: USER.user_id,
      memo: 'thanks 😀',
    });
    await expect(send).rejects.toMatchObject({
      name: 'AlipayValidationError',
      field: 'memo',
      rule: 'charset',
    });
    expect(gateway.requests).toHaveLength(0);
  });

  it('limits lengths as the fake does: 64 emoji fill memo (128); one more unit never leaves', async () => {
    const client = clientOf(fake);
    const full = '😀'.repeat(BIZ_CONTENT_FIELDS.memo.maxLength / 2);
    const base = { template_id: 'T_VOUCHER', user_id: USER.user_id };
    await client.marketing.voucher.send({ ...base, out_biz_no: nextOutBizNo(), memo: full });
    expect(gateway.vouchers.at(-1)!.memo).toBe(full);
    await expect(
      client.marketing.voucher.send({ ...base, out_biz_no: nextOutBizNo(), memo: `${full}!` }),
    ).rejects.toMatchObject({ name: 'AlipayValidationError', field: 'memo', rule: 'maxLength' });
    expect(gateway.requests).toHaveLength(1); // the fake's own refusal of 129 is its package's test
  });

  it('signs with RSA (SHA1withRSA) for an app configured so', async () => {
    const client = clientOf(fake, { appId: RSA_APP_ID, signType: 'RSA' });
    await expect(
      client.marketing.voucher.send({
        template_id: 'T_VOUCHER',
        out_biz_no: nextOutBizNo(),
        user_id: USER.user_id,
      }),
    ).resolves.toMatchObject({ user_id: USER.user_id });
    expect(gateway.requests[0]!.params.sign_type).toBe('RSA');
  });

  it('calls on a merchant’s behalf with app_auth_token in the body', async () => {
    const client = clientOf(fake, { appAuthToken: '202306BB7c5f0d5e1e5d4d0bb8a3c9d6e5f4A123' });
    await client.marketing.voucher.send({
      template_id: 'T_VOUCHER',
      out_biz_no: nextOutBizNo(),
      user_id: USER.user_id,
    });
    expect(gateway.requests[0]!.placement.app_auth_token).toBe('body');
  });

  it('returns the first voucher when the same out_biz_no is sent again', async () => {
    const client = clientOf(fake);
    const params = { template_id: 'T_VOUCHER', out_biz_no: nextOutBizNo(), user_id: USER.user_id };
    const first = await client.marketing.voucher.send(params);
    await expect(client.marketing.voucher.send(params)).resolves.toEqual(first);
    expect(gateway.vouchers).toHaveLength(1);
  });
});
