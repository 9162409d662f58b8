import { createSign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  type AlipayClientOptions,
  AlipayResponseError,
  AlipaySignatureError,
  createAlipayClient,
} from '@aopkit/client';
import { canonicalize, formatTimestamp } from '@aopkit/signer';
import {
  DEMO_ALIPAY_KEYS,
  DEMO_APP_KEYS,
  demoFixtures,
  type FakeGatewayServer,
  startFakeGatewayServer,
} from '@aopkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerChecker } from '../src/answerSchema.js';
import { recordingFetch, SPEC, startPrism } from './helpers/prism.js';
import { brokenSpec } from './helpers/specCopy.js';

// Each check fails on a deliberately wrong spec: a temporary copy with one mistake.
const APP_ID = demoFixtures.apps[0].appId;
const USER_ID = demoFixtures.users[0].user_id;
let fake: FakeGatewayServer;
beforeAll(async () => {
  fake = await startFakeGatewayServer({ gatewayOptions: { fixtures: demoFixtures } });
});
afterAll(() => fake?.close());

const biz = (out_biz_no: string) =>
  JSON.stringify({ template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no, user_id: USER_ID });

async function withPrism(
  mode: 'proxy' | 'mock',
  edit: (text: string) => string,
  body: (origin: string) => Promise<void>,
) {
  const copy = await brokenSpec(edit);
  const prism = await startPrism(
    mode === 'proxy'
      ? { mode, spec: copy.path, upstream: new URL(fake.url).origin }
      : { mode, spec: copy.path },
  );
  try {
    await body(prism.origin);
  } finally {
    await prism.stop();
    await copy.remove();
  }
}

describe('Prism as a validating proxy', () => {
  it('refuses a Java-spelled request (422) when the spec forgets the Java spellings', async () => {
    const narrow = (text: string) =>
      text.replace('enum: [utf-8, gbk, gb2312, UTF-8, GBK, GB2312]', 'enum: [utf-8, gbk, gb2312]');
    await withPrism('proxy', narrow, async (origin) => {
      const params: Record<string, string> = {
        app_id: APP_ID,
        method: 'alipay.marketing.voucher.send',
        format: 'json',
        charset: 'UTF-8',
        sign_type: 'RSA2',
        timestamp: formatTimestamp(),
        version: '1.0',
      };
      const biz_content = biz('catch-java');
      const sign = createSign('RSA-SHA256')
        .update(canonicalize({ ...params, biz_content }), 'utf8')
        .sign(DEMO_APP_KEYS.privateKey, 'base64');
      const seen: string[] = [];
      const response = await recordingFetch(seen)(
        `${origin}/gateway.do?${new URLSearchParams({ ...params, sign })}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
          body: new URLSearchParams({ biz_content }).toString(),
        },
      );
      expect(response.status).toBe(422);
      expect(seen.join('\n')).toMatch(/query parameter charset must be equal to one of the allowed values/);
    });
  });

  it('refuses the answer (500) when the spec says the gateway answers application/json', async () => {
    const json = (text: string) =>
      text.replace('      content:\n        text/html:\n', '      content:\n        application/json:\n');
    await withPrism('proxy', json, async (origin) => {
      const seen: string[] = [];
      const client = createAlipayClient({
        appId: APP_ID,
        privateKey: DEMO_APP_KEYS.privateKey,
        alipayPublicKey: fake.gateway.alipayPublicKey,
        gateway: `${origin}/gateway.do`,
        fetch: recordingFetch(seen),
        maxRetries: 0,
      });
      const error = await client.marketing.voucher
        .send({ template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no: 'catch-json', user_id: USER_ID })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AlipayResponseError);
      expect(seen.join('\n')).toMatch(/^500 .*response/);
    });
  });
});

describe('the answer schema check behind Prism', () => {
  it("refuses a success answer when the spec's result codes lack 10000", async () => {
    const copy = await brokenSpec((text) => text.replace("enum: ['10000', '20000',", "enum: ['20000',"));
    try {
      const success = parse(await readFile(SPEC, 'utf8')).components.examples.success.value as string;
      expect((await answerChecker())(success)).toBe('');
      expect((await answerChecker(copy.path))(success)).toMatch(/allowed values/);
    } finally {
      await copy.remove();
    }
  });
});

describe('Prism as a mock', () => {
  it('serves a hand-edited example, and the client refuses its signature', async () => {
    const tamper = (text: string) =>
      text.replace(
        '"voucher_id":"20160906000730020020002U8CBS","user_id":"2088302001456115"},"sign"',
        '"voucher_id":"20160906000730020020002U8CBT","user_id":"2088302001456115"},"sign"',
      );
    await withPrism('mock', tamper, async (origin) => {
      const client = createAlipayClient({
        appId: '2014072300007148',
        privateKey: DEMO_APP_KEYS.privateKey,
        alipayPublicKey: DEMO_ALIPAY_KEYS.publicKey,
        gateway: `${origin}/gateway.do`,
        maxRetries: 0,
      } as AlipayClientOptions);
      const error = await client.marketing.voucher
        .send({
          template_id: '20140601000730010040000000EB',
          out_biz_no: 'catch-mock',
          user_id: '2088302001456115',
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AlipaySignatureError);
    });
  });
});
