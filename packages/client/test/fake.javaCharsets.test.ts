import { describe, expect, it } from 'vitest';
import { AlipayApiError } from '../src/index.js';
import { clientOf, nextOutBizNo, USER, useFakeGateway } from './helpers/fakeSetup.js';

// GBK and GB2312 as the Java gateway has them, end to end: the client encodes with Java's encoder,
// reads the answer with Java's decoder, and refuses text Java's charset cannot carry (PROTOCOL §2, §5).
const fake = useFakeGateway();
const { gateway, server } = fake;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Runs `send` and returns the raw request URLs + bodies and response bodies that went over MSW. */
async function onTheWire<T>(send: () => Promise<T>) {
  const requests: Promise<string>[] = [];
  const responses: Promise<Uint8Array>[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(
      request
        .clone()
        .text()
        .then((body) => `${request.url}\n${body}`),
    );
  });
  server.events.on('response:mocked', ({ response }) => {
    responses.push(
      response
        .clone()
        .arrayBuffer()
        .then((body) => new Uint8Array(body)),
    );
  });
  try {
    const outcome: { value?: T; error?: unknown } = await send().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    return { ...outcome, requests: await Promise.all(requests), responses: await Promise.all(responses) };
  } finally {
    server.events.removeAllListeners();
  }
}

describe("GBK and GB2312 round trips with the fake gateway, in Java's bytes", () => {
  it('gbk: a memo with € and ♁ is sent as Java writes it (A2E3, A892), accepted, verified and stored intact', async () => {
    const memo = '€100 ♁ 新年快乐';
    const { value, error, requests } = await onTheWire(() =>
      clientOf(fake, { charset: 'gbk' }).marketing.voucher.send({
        template_id: 'T_VOUCHER',
        out_biz_no: nextOutBizNo('gbk'),
        user_id: USER.user_id,
        memo,
      }),
    );
    expect(error).toBeUndefined();
    expect(value).toEqual({ voucher_id: expect.any(String), user_id: USER.user_id });
    // The fake verified the request over Java's bytes, and the client verified the signed answer.
    expect(gateway.requests[0]).toMatchObject({ charset: 'gbk', signed: true, verdict: { code: '10000' } });
    expect(gateway.vouchers).toEqual([expect.objectContaining({ voucher_id: value!.voucher_id, memo })]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain('%A2%E3100%20%A8%92');
  });

  it('gbk: an answer carrying € and ♁ (sub_msg) is read as Java wrote it and verifies', async () => {
    const subMsg = '模板已停用：€100 ♁';
    gateway.nextCall({ sub_code: 'TEMPLATE_NOT_EXIST', sub_msg: subMsg });
    const { error, responses } = await onTheWire(() =>
      clientOf(fake, { charset: 'gbk' }).marketing.voucher.send({
        template_id: 'T_VOUCHER',
        out_biz_no: nextOutBizNo('gbk'),
        user_id: USER.user_id,
      }),
    );
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({
      code: '40004',
      sub_code: 'TEMPLATE_NOT_EXIST',
      sub_msg: subMsg,
      verified: true,
    });
    // Java's GBK bytes on the wire: what WHATWG's TextDecoder('gbk') reads as U+E76C and ⊕.
    expect(hex(responses[0]!)).toContain('a2e331303020a892');
  });

  it.each([
    ['gb2312', '喆', '张喆的红包', 'a GBK-only hanzi'],
    ['gb2312', '\u00b7', '张三\u00b7李四', "· (U+00B7): Java's GB2312 has ・ at A1A4"],
    ['gb2312', '€', '满€100减10', 'the euro sign (GBK A2E3 only)'],
    ['gbk', '\u30fb', '张三\u30fb李四', "・ (U+30FB): Java's GBK has none"],
    ['gbk', '😀', '新年快乐😀', 'a character outside the BMP'],
  ] as const)('%s: a memo with %s is refused before any request (%s)', async (charset, _char, memo, _why) => {
    const { error, requests } = await onTheWire(() =>
      clientOf(fake, { charset }).marketing.voucher.send({
        template_id: 'T_VOUCHER',
        out_biz_no: nextOutBizNo('refused'),
        user_id: USER.user_id,
        memo,
      }),
    );
    expect(error).toMatchObject({
      name: 'AlipayValidationError',
      field: 'memo',
      rule: 'charset',
      message: `memo has characters that ${charset} cannot encode`,
    });
    expect(requests).toEqual([]);
    expect(gateway.requests).toHaveLength(0);
  });

  it("gb2312: a memo with ・ (U+30FB) and ― (U+2015), Java's A1A4 and A1AA, is accepted and stored intact", async () => {
    const memo = '张三\u30fb李四\u2015红包';
    const { value, error, requests } = await onTheWire(() =>
      clientOf(fake, { charset: 'gb2312' }).marketing.voucher.send({
        template_id: 'T_VOUCHER',
        out_biz_no: nextOutBizNo('gb2312'),
        user_id: USER.user_id,
        memo,
      }),
    );
    expect(error).toBeUndefined();
    expect(gateway.requests[0]).toMatchObject({
      charset: 'gb2312',
      signed: true,
      verdict: { code: '10000' },
    });
    expect(gateway.vouchers).toEqual([expect.objectContaining({ voucher_id: value!.voucher_id, memo })]);
    expect(requests[0]).toContain('%D5%C5%C8%FD%A1%A4%C0%EE%CB%C4%A1%AA');
  });
});
