import { RESPONSE_NODE } from '@aopkit/types';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AlipayApiError,
  AlipayConnectionError,
  AlipayResponseError,
  AlipaySignatureError,
  AlipayTimeoutError,
} from '../src/index.js';
import { clientOf, nextOutBizNo, USER, untilAnswered, useFakeGateway } from './helpers/fakeSetup.js';

const fake = useFakeGateway();
const { gateway, server } = fake;

const params = () => ({ template_id: 'T_VOUCHER', out_biz_no: nextOutBizNo(), user_id: USER.user_id });
const send = (extra = {}) => clientOf(fake, extra).marketing.voucher.send(params());
const failure = (extra = {}) =>
  send(extra).then(
    () => Promise.reject(new Error('expected a failure')),
    (e: unknown) => e,
  );

/** The fake's real answer, passed through `edit`. */
const rewriting = (edit: (body: string) => string, status = 200) =>
  http.post(fake.url, async ({ request }) => {
    const response = (await gateway.handle(request)) as Response;
    return new HttpResponse(edit(await response.text()), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });

describe('responses that must not be trusted', () => {
  it('one byte altered in a signed success → AlipaySignatureError, not retried', async () => {
    server.use(rewriting((body) => body.replace('"code":"10000"', '"code":"10000" ')));
    const error = await failure();
    expect(error).toBeInstanceOf(AlipaySignatureError);
    expect(error).toMatchObject({ reason: 'bad-signature', retryable: false });
    expect(gateway.requests).toHaveLength(1);
  });

  it('a voucher id swapped in the response → AlipaySignatureError', async () => {
    server.use(rewriting((body) => body.replace(/"voucher_id":"(.)/, '"voucher_id":"X')));
    expect(await failure()).toBeInstanceOf(AlipaySignatureError);
  });

  it('a success with its sign removed → AlipaySignatureError (missing-signature)', async () => {
    server.use(
      rewriting((body) =>
        body.replace(/,?"sign":"[^"]*",?/, (m) => (m.startsWith(',') && m.endsWith(',') ? ',' : '')),
      ),
    );
    expect(await failure()).toMatchObject({ name: 'AlipaySignatureError', reason: 'missing-signature' });
  });

  it('an unsigned gateway error → AlipayApiError, verified: false', async () => {
    server.use(
      http.post(fake.url, () =>
        HttpResponse.text(
          '{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id","sub_msg":"无效的AppID参数"}}',
        ),
      ),
    );
    const error = await failure();
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({
      verified: false,
      code: '40002',
      sub_code: 'isv.invalid-app-id',
      retryable: false,
    });
  });
});

describe('unusable answers', () => {
  it('HTTP 503 is retried, then surfaces as AlipayResponseError { status }', async () => {
    server.use(http.post(fake.url, () => HttpResponse.text('busy', { status: 503 })));
    expect(await failure({ maxRetries: 2 })).toMatchObject({
      name: 'AlipayResponseError',
      status: 503,
      retryable: true,
    });
  });

  it('HTTP 503 once, then the fake answers: resolved on the retry', async () => {
    server.use(http.post(fake.url, () => HttpResponse.text('busy', { status: 503 }), { once: true }));
    await expect(send()).resolves.toMatchObject({ user_id: USER.user_id });
  });

  it('HTTP 404 is not retried', async () => {
    let hits = 0;
    server.use(
      http.post(fake.url, () => {
        hits++;
        return HttpResponse.text('no', { status: 404 });
      }),
    );
    expect(await failure()).toMatchObject({ name: 'AlipayResponseError', status: 404, retryable: false });
    expect(hits).toBe(1);
  });

  it.each([
    ['non-JSON', '<html>502 Bad Gateway</html>'],
    ['JSON without the response node', '{"foo_response":{"code":"10000"},"sign":"abc"}'],
    ['an empty body', ''],
    [
      'the node twice',
      `{"${RESPONSE_NODE}":{"code":"10000"},"${RESPONSE_NODE}":{"code":"10000"},"sign":"x"}`,
    ],
  ])('%s → AlipayResponseError', async (_name, body) => {
    server.use(http.post(fake.url, () => HttpResponse.text(body)));
    const error = await failure();
    expect(error).toBeInstanceOf(AlipayResponseError);
    expect(error).toMatchObject({ retryable: false });
  });
});

describe('retries through the fake’s faults, never a second voucher', () => {
  it.each([
    ['20000 isp.unknow-error', { sub_code: 'isp.unknow-error' } as const],
    ['20000 aop.unknow-error', { sub_code: 'aop.unknow-error' } as const],
    ['a connection dropped before processing', { drop: 'before' } as const],
    ['a connection dropped after the voucher was issued', { drop: 'after-issue' } as const],
  ])('%s → retried, one voucher', async (_name, outcome) => {
    gateway.nextCall(outcome);
    const result = await send();
    expect(gateway.requests).toHaveLength(2);
    expect(gateway.vouchers).toEqual([expect.objectContaining({ voucher_id: result.voucher_id })]);
    expect(gateway.requests[0]!.params.biz_content).toBe(gateway.requests[1]!.params.biz_content);
    expect(gateway.requests[1]!.verdict?.code).toBe('10000');
  });

  it('a drop with no retries left → AlipayConnectionError; resending later returns the first voucher', async () => {
    const client = clientOf(fake, { maxRetries: 0 });
    const p = params();
    gateway.nextCall({ drop: 'after-issue' });
    const error = await client.marketing.voucher.send(p).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayConnectionError);
    expect(error).toMatchObject({ retryable: true });
    const [issued] = gateway.vouchers;
    await expect(client.marketing.voucher.send(p)).resolves.toEqual({
      voucher_id: issued!.voucher_id,
      user_id: USER.user_id,
    });
    expect(gateway.vouchers).toHaveLength(1);
  });

  it('a slow answer → AlipayTimeoutError per attempt, then success on the retry', async () => {
    // The retry has the whole 250 ms for one signed round trip: room on a loaded machine.
    const first = params();
    gateway.nextCall({ latencyMs: 1_000 });
    const client = clientOf(fake, { timeoutMs: 250 });
    await expect(client.marketing.voucher.send(first)).resolves.toMatchObject({ user_id: USER.user_id });
    const second = params();
    gateway.nextCall({ latencyMs: 1_000 });
    const error = await clientOf(fake, { timeoutMs: 250, maxRetries: 0 })
      .marketing.voucher.send(second)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 250, retryable: true });
    // The abandoned slow requests finish here, not after the reset, inside another test.
    await untilAnswered(gateway, first.out_biz_no, 2);
    await untilAnswered(gateway, second.out_biz_no, 1);
  });
});
