// Closer to the real gateway: what a public probe log of it (2026-09-11) shows.
import { SUB_CODES } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { createFakeGateway, demoFixtures } from '../src/index.js';
import { requestFromParams, signedParams } from './helpers/buildRequest.js';
import { encodeForm } from './helpers/encodeForm.js';
import { readAnswer } from './helpers/readAnswer.js';
import { demoApp, okBiz, useMswGateway } from './helpers/setup.js';

const { gateway, send } = useMswGateway();
const UNKNOWN_APP = '2021999999999999';

describe('app_id is checked before any other parameter', () => {
  it('an unknown app_id without sign → isv.invalid-app-id (not isv.missing-signature), unsigned', async () => {
    const answer = await send({ biz: okBiz('r1'), tamper: { app_id: UNKNOWN_APP, sign: undefined } });
    expect(answer.node).toEqual({
      code: '40002',
      msg: 'Invalid Arguments',
      sub_code: 'isv.invalid-app-id',
      sub_msg: '无效的AppID参数',
    });
    expect(answer.verified).toBe(false);
  });

  it.each(['method', 'sign_type', 'timestamp', 'version'])(
    'an unknown app_id without %s → isv.invalid-app-id',
    async (name) => {
      const answer = await send({ biz: okBiz('r2'), tamper: { app_id: UNKNOWN_APP, [name]: undefined } });
      expect(answer.node.sub_code).toBe('isv.invalid-app-id');
    },
  );

  it('no app_id → isv.missing-app-id, 缺少AppID参数, whatever else is missing', async () => {
    const answer = await send({ biz: okBiz('r3'), tamper: { app_id: undefined, sign: undefined } });
    expect(answer.node).toMatchObject({ sub_code: 'isv.missing-app-id', sub_msg: '缺少AppID参数' });
    expect(SUB_CODES['isv.missing-app-id'].subMsg).toBe('缺少AppID参数');
  });

  it('a known app without sign → isv.missing-signature, logged under its app_id', async () => {
    const answer = await send({ biz: okBiz('r4'), tamper: { sign: undefined } });
    expect(answer.node.sub_code).toBe('isv.missing-signature');
    expect(gateway.requests.at(-1)?.app_id).toBe(demoApp.appId);
  });
});

describe('answers are HTTP 200, text/html, with a JSON body', () => {
  it.each([
    ['a success', {}, '10000'],
    ['an unknown app', { app_id: UNKNOWN_APP }, '40002'],
    ['a bad signature', { sign: 'AAAA' }, '40002'],
  ] as const)('%s', async (_, tamper, code) => {
    const params = await signedParams({ app: demoApp, biz: okBiz(`ct-${code}`), tamper });
    const response = await fetch(requestFromParams(params));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html;charset=utf-8');
    expect(JSON.parse(await response.text())).toHaveProperty(
      ['alipay_marketing_voucher_send_response', 'code'],
      code,
    );
  });
});

describe('GET /gateway.do with every parameter in the query is served', () => {
  const getRequest = async (outBizNo: string, charset: 'utf-8' | 'gbk' = 'utf-8') => {
    const params = await signedParams({ app: demoApp, biz: okBiz(outBizNo, { memo: '中文' }), charset });
    return new Request(`https://openapi.alipay.com/gateway.do?${encodeForm(params, charset)}`);
  };

  it('through MSW: verified, issued, logged with every parameter from the query', async () => {
    const response = await fetch(await getRequest('get-1'));
    const answer = await readAnswer(response, gateway);
    expect(answer.node.code).toBe('10000');
    expect(answer.verified).toBe(true);
    expect(gateway.vouchers).toHaveLength(1);
    expect(Object.values(gateway.requests.at(-1)!.placement)).toEqual(expect.arrayContaining(['query']));
    expect(Object.values(gateway.requests.at(-1)!.placement)).not.toContain('body');
  });

  it('through handle(), in GBK too', async () => {
    const fake = createFakeGateway({ fixtures: demoFixtures });
    const answer = await readAnswer(await fake.handle(await getRequest('get-2', 'gbk')), fake, {
      charset: 'gbk',
    });
    expect(answer.node.code).toBe('10000');
    expect(answer.contentType).toBe('text/html;charset=gbk');
    expect(fake.vouchers[0]?.memo).toBe('中文');
  });
});
