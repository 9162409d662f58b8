import { GATEWAYS } from '@aopkit/types';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { clientOf, fakeGateway, nextOutBizNo, serveInProcess, USER } from './helpers/fakeSetup.js';
import { testKeys } from './helpers/keys.js';

const gateway = fakeGateway();
const server = serveInProcess(gateway);

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
    gateway.nextCall({ subCode: 'SYSTEM_ERROR' });
    gateway.nextCall({ drop: 'after-issue' });
    await clientOf(gateway, { logger }).marketing.voucher.send({
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
    await capture(clientOf(gateway, { logger, key: testKeys().other }).marketing.voucher.send(params())); // invalid signature
    server.use(
      http.post(GATEWAYS.production, async ({ request }) => {
        const response = (await gateway.handle(request)) as Response;
        return HttpResponse.text((await response.text()).replace('10000', '10000 '));
      }),
    );
    await capture(clientOf(gateway, { logger }).marketing.voucher.send(params())); // tampered
    await capture(
      clientOf(gateway, { logger, maxRetries: 0, appAuthToken: 'tok-secret-123' }).marketing.voucher.send(
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
