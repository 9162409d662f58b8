import { canonicalize } from '@aopkit/signer';
import { ERROR_RESPONSE_NODE, RESPONSE_NODE, RESULT_CODES, SUB_CODES, type SubCode } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { signedParams } from '../helpers/buildRequest.js';
import { demoApp, type Harness, okBiz } from '../helpers/setup.js';

/** The gateway-level checks, in pipeline order. */
export function gatewayChecks({ gateway, send, post }: Harness): void {
  const expectSub = (node: Record<string, string | undefined>, subCode: SubCode) => {
    const info = SUB_CODES[subCode];
    expect(node).toMatchObject({ code: info.code, msg: RESULT_CODES[info.code].msg, sub_code: subCode });
  };

  describe('40001: required common parameters, unsigned (the app is not established yet)', () => {
    it.each([
      ['app_id', 'isv.missing-app-id'],
      ['method', 'isv.missing-method'],
      ['sign_type', 'isv.missing-signature-type'],
      ['sign', 'isv.missing-signature'],
      ['timestamp', 'isv.missing-timestamp'],
      ['version', 'isv.missing-version'],
    ] as const)('no %s → %s', async (name, subCode) => {
      const answer = await send({ biz: okBiz('m1'), tamper: { [name]: undefined } });
      expectSub(answer.node, subCode);
      expect(answer.node.sub_msg).toBe(SUB_CODES[subCode].subMsg);
      expect(answer.verified).toBe(false);
      expect(answer.raw).not.toContain('"sign"');
      // Without method the gateway cannot name the node.
      expect(answer.nodeName).toBe(name === 'method' ? ERROR_RESPONSE_NODE : RESPONSE_NODE);
    });

    it('an empty value counts as missing (Java drops empty parameters)', async () => {
      const answer = await send({ biz: okBiz('m2'), tamper: { version: '' } });
      expectSub(answer.node, 'isv.missing-version');
    });
  });

  describe('40002: app, sign_type and signature', () => {
    it('an unknown app_id → isv.invalid-app-id, unsigned', async () => {
      const answer = await send({ biz: okBiz('a1'), tamper: { app_id: '2021999999999999' } });
      expectSub(answer.node, 'isv.invalid-app-id');
      expect(answer.verified).toBe(false);
      expect(gateway.requests.at(-1)?.app_id).toBeUndefined();
    });

    it('an unknown sign_type → isv.invalid-signature-type, signed from here on', async () => {
      const answer = await send({ biz: okBiz('a2'), tamper: { sign_type: 'MD5' } });
      expectSub(answer.node, 'isv.invalid-signature-type');
      expect(answer.verified).toBe(true);
    });

    it('a sign_type the app is not configured for → isv.missing-signature-config', async () => {
      const answer = await send({ biz: okBiz('a3'), signType: 'RSA' });
      expectSub(answer.node, 'isv.missing-signature-config');
    });

    it('a wrong key → isv.invalid-signature whose sub_msg ends with the string the gateway verified', async () => {
      const other = gateway.registerApp();
      const params = await signedParams({
        app: demoApp,
        biz: okBiz('a4', { memo: '中文 & more' }),
        signWith: other.privateKey!,
      });
      const answer = await post(params);
      expectSub(answer.node, 'isv.invalid-signature');
      // Like the real gateway, the string is HTML-escaped (`&` as `&amp;`).
      const expected =
        SUB_CODES['isv.invalid-signature'].subMsg + canonicalize(params).replaceAll('&', '&amp;');
      expect(answer.node.sub_msg).toBe(expected);
      expect(answer.verified).toBe(true);
    });

    it('a parameter changed after signing → isv.invalid-signature', async () => {
      const answer = await send({
        biz: okBiz('a5'),
        tamper: { biz_content: JSON.stringify(okBiz('a5-other')) },
      });
      expectSub(answer.node, 'isv.invalid-signature');
    });

    it('a signed empty parameter (the Node SDK bug) → isv.invalid-signature: the gateway drops empties', async () => {
      const { createSigner } = await import('@aopkit/signer');
      const params = await signedParams({ app: demoApp, biz: okBiz('a6') });
      params.app_auth_token = '';
      // What the Node SDK signs: every key, the empty one included.
      const naive = Object.keys(params)
        .filter((k) => k !== 'sign')
        .sort()
        .map((k) => `${k}=${params[k]}`)
        .join('&');
      params.sign = await createSigner({ privateKey: demoApp.privateKey }).signString(naive);
      const answer = await post(params);
      expectSub(answer.node, 'isv.invalid-signature');
      expect(answer.node.sub_msg).not.toContain('app_auth_token');
    });

    it('a sign that is not base64 → isv.invalid-signature', async () => {
      const answer = await send({ biz: okBiz('a7'), tamper: { sign: '!!not base64!!' } });
      expectSub(answer.node, 'isv.invalid-signature');
    });
  });

  describe('40002: well-formed common parameters (checked after the signature)', () => {
    const at = new Date();
    it.each<[string, { timestamp?: string; minutes?: number }]>([
      ['a malformed timestamp', { timestamp: '2024/01/01 00:00:00' }],
      ['an impossible date', { timestamp: '2024-02-30 10:00:00' }],
      ['a timestamp 16 minutes old', { minutes: -16 }],
      ['a timestamp 16 minutes ahead', { minutes: 16 }],
    ])('%s → isv.invalid-timestamp', async (_, { timestamp, minutes }) => {
      const when = new Date(at.getTime() + (minutes ?? 0) * 60_000);
      const params = timestamp === undefined ? {} : { timestamp };
      const answer = await send({ biz: okBiz('t1'), at: when, params });
      expectSub(answer.node, 'isv.invalid-timestamp');
      expect(answer.verified).toBe(true);
    });

    it('a timestamp 14 minutes off is inside the window', async () => {
      const answer = await send({ biz: okBiz('t2'), at: new Date(Date.now() - 14 * 60_000) });
      expect(answer.node.code).toBe('10000');
    });

    it.each([
      ['latin1', 'isv.invalid-charset'],
      ['', 'isv.invalid-charset'],
    ] as const)('charset %j → %s', async (charset, subCode) => {
      const answer = await send({ biz: okBiz('c1'), params: { charset } });
      expectSub(answer.node, subCode);
    });

    it.each(['UTF-8', 'utf-8'])('charset %s is accepted (the Java SDK sends upper case)', async (charset) => {
      const answer = await send({ biz: okBiz(`c-${charset}`), params: { charset } });
      expect(answer.node.code).toBe('10000');
    });

    it('version 2.0 → isv.invalid-parameter naming version', async () => {
      const answer = await send({ biz: okBiz('v1'), params: { version: '2.0' } });
      expectSub(answer.node, 'isv.invalid-parameter');
      expect(answer.node.sub_msg).toBe(`${SUB_CODES['isv.invalid-parameter'].subMsg}：version=2.0`);
    });

    it.each([
      ['XML', 'isv.invalid-format'],
      ['json', undefined],
      [undefined, undefined],
    ] as const)('format %s → %s', async (format, subCode) => {
      const answer = await send({ biz: okBiz(`f-${format}`), params: { format } });
      if (subCode) expectSub(answer.node, subCode);
      else expect(answer.node.code).toBe('10000');
    });

    it.each([
      ['DES', 'isv.invalid-encrypt-type'],
      ['AES', 'isv.decryption-error-not-valid-encrypt-key'],
    ] as const)('encrypt_type %s → %s (the demo apps have no AES key)', async (encrypt_type, subCode) => {
      const answer = await send({ biz: okBiz('e1'), params: { encrypt_type } });
      expectSub(answer.node, subCode);
    });

    it('an app_auth_token longer than the spec allows → aop.invalid-app-auth-token; a valid one is fine', async () => {
      const tooLong = await send({ biz: okBiz('x1'), params: { app_auth_token: 'x'.repeat(41) } });
      expectSub(tooLong.node, 'aop.invalid-app-auth-token');
      const fine = await send({ biz: okBiz('x2'), params: { app_auth_token: 'x'.repeat(40) } });
      expect(fine.node.code).toBe('10000');
      expect(gateway.requests.at(-1)?.params.app_auth_token).toBe('[redacted]');
    });

    it('an unknown method → isv.invalid-method under error_response, signed', async () => {
      const answer = await send({ biz: okBiz('u1'), params: { method: 'alipay.trade.pay' } });
      expectSub(answer.node, 'isv.invalid-method');
      expect(answer.nodeName).toBe(ERROR_RESPONSE_NODE);
      expect(answer.verified).toBe(true);
    });
  });
}
