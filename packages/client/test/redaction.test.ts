import { inspect } from 'node:util';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { AlipayApiError } from '../src/index.js';
import { clientOf, nextOutBizNo, USER, useFakeGateway } from './helpers/fakeSetup.js';
import { testKeys } from './helpers/keys.js';

const fake = useFakeGateway();
const { gateway, server } = fake;

const lines: string[] = [];
const logger = {
  debug: (msg: string, meta?: object) => lines.push(`${msg} ${JSON.stringify(meta)}`),
  warn: (msg: string, meta?: object) => lines.push(`${msg} ${JSON.stringify(meta)}`),
};
// Fragments of every secret: key bodies (PEM lines) and every signature the fake saw or sent.
const keyFragments = () =>
  [testKeys().app, testKeys().other].flatMap((k) =>
    k.privateKey
      .split('\n')
      .filter((l) => l.length > 40)
      .map((l) => l.slice(0, 24)),
  );
const signatures = () => gateway.requests.map((r) => r.params.sign!).filter(Boolean);

describe('secrets stay out of logs and errors', () => {
  it('logs method, attempt, code, sub_code and duration only', async () => {
    gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    gateway.nextCall({ drop: 'after-issue' });
    await clientOf(fake, { logger }).marketing.voucher.send({
      template_id: 'T_VOUCHER',
      out_biz_no: nextOutBizNo(),
      user_id: USER.user_id,
    });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^alipay call failed, retrying .*"method":"alipay.marketing.voucher.send","attempt":1.*"code":"40004","sub_code":"SYSTEM_ERROR"/,
    );
    expect(lines[1]).toMatch(/"attempt":2.*"error":"AlipayConnectionError"/);
    expect(lines[2]).toMatch(/^alipay call succeeded .*"attempt":3,"code":"10000","durationMs":\d+/);
  });

  it('no private key or signature in any log line or error message', async () => {
    lines.length = 0;
    const messages: string[] = [];
    const capture = (p: Promise<unknown>) => p.catch((e: Error) => messages.push(e.message, String(e.stack)));
    const responseSigns: string[] = [];
    server.events.on('response:mocked', async ({ response }) => {
      const sign = /"sign":"([^"]+)"/.exec(await response.clone().text())?.[1];
      if (sign) responseSigns.push(sign);
    });
    const params = () => ({ template_id: 'T_VOUCHER', out_biz_no: nextOutBizNo(), user_id: USER.user_id });
    await capture(clientOf(fake, { logger, key: testKeys().other }).marketing.voucher.send(params())); // invalid signature
    server.use(
      http.post(fake.url, async ({ request }) => {
        const response = (await gateway.handle(request)) as Response;
        return HttpResponse.text((await response.text()).replace('10000', '10000 '));
      }),
    );
    await capture(clientOf(fake, { logger }).marketing.voucher.send(params())); // tampered
    await capture(
      clientOf(fake, { logger, maxRetries: 0, appAuthToken: 'tok-secret-123' }).marketing.voucher.send(
        params(),
      ),
    );
    expect(messages.length).toBeGreaterThan(0);
    const haystack = [...lines, ...messages].join('\n');
    for (const fragment of keyFragments()) expect(haystack).not.toContain(fragment);
    server.events.removeAllListeners();
    expect(responseSigns.length).toBeGreaterThan(0);
    for (const sign of [...signatures(), ...responseSigns]) expect(haystack).not.toContain(sign.slice(0, 32));
    expect(lines.join('\n')).not.toContain('tok-secret-123');
  });
});

describe('credentials and loggers', () => {
  const params = () => ({ template_id: 'T_VOUCHER', out_biz_no: nextOutBizNo(), user_id: USER.user_id });

  it('an isv.invalid-signature error shows no app_auth_token, however it is printed', async () => {
    const token = 'tok-secret-456';
    const error = await clientOf(fake, { key: testKeys().other, maxRetries: 0, appAuthToken: token })
      .marketing.voucher.send(params())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayApiError);
    const e = error as AlipayApiError;
    expect(e.sub_code).toBe('isv.invalid-signature');
    // The gateway did quote the token back (the fake, as the real one, echoes its whole string).
    expect(gateway.requests.at(-1)!.params.app_auth_token).toBe('[redacted]');
    expect(e.clientSignString).toContain('app_auth_token=[hidden]');
    expect(e.gatewaySignString).toContain('app_auth_token=[hidden]');
    expect(e.sub_msg).toContain('app_auth_token=[hidden]');
    for (const shown of [e.message, JSON.stringify(e), inspect(e, { depth: 5 }), String(e.stack)])
      expect(shown).not.toContain(token);
  });

  it.each([
    ['line breaks', '\ntok-secret-789\n'],
    ['CRLF', '\r\ntok-secret-789\r\n'],
    ['spaces and a line break', '  tok-secret-789 \n'],
    ['tabs and a line break', '\ttok-secret-789\t\r\n'],
  ])('a token surrounded by %s never shows after an isv.invalid-signature', async (_name, appAuthToken) => {
    const error = await clientOf(fake, { key: testKeys().other, maxRetries: 0, appAuthToken })
      .marketing.voucher.send(params())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AlipayApiError', sub_code: 'isv.invalid-signature' });
    const e = error as AlipayApiError;
    expect(e.firstDifference).toMatch(/^none/);
    for (const shown of [
      e.message,
      e.sub_msg,
      e.clientSignString,
      e.gatewaySignString,
      JSON.stringify(e),
      inspect(e, { depth: 5 }),
    ])
      expect(shown).not.toContain('secret-789');
  });

  it('a logger that throws changes nothing: the voucher is returned, retries go on', async () => {
    const broken = {
      debug: () => {
        throw new Error('log sink closed');
      },
      warn: () => {
        throw new Error('log sink closed');
      },
    };
    gateway.nextCall({ sub_code: 'SYSTEM_ERROR' });
    const before = gateway.vouchers.length;
    const result = await clientOf(fake, { logger: broken }).marketing.voucher.send(params());
    expect(gateway.vouchers.length).toBe(before + 1);
    expect(result.voucher_id).toBe(gateway.vouchers.at(-1)!.voucher_id);
  });

  it("calls the logger's methods on the logger itself (class-based loggers need their this)", async () => {
    class Sink {
      readonly seen: string[] = [];
      debug(message: string) {
        this.seen.push(message);
      }
    }
    const sink = new Sink();
    await clientOf(fake, { logger: sink }).marketing.voucher.send(params());
    expect(sink.seen).toEqual(['alipay call succeeded']);
  });
});
