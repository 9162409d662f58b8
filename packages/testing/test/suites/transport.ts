import { canonicalize, createSigner, formatTimestamp } from '@aopkit/signer';
import { SUB_CODES } from '@aopkit/types';
import { describe, expect, it } from 'vitest';
import { DROP } from '../../src/index.js';
import { requestFromParams, signedParams } from '../helpers/buildRequest.js';
import { encodeForm, percentEncode } from '../helpers/encodeForm.js';
import { readAnswer } from '../helpers/readAnswer.js';
import { demoApp, type Harness, okBiz } from '../helpers/setup.js';

/** Where parameters travel, and in which charset. */
export function transportChecks({ gateway, send, post, url }: Harness): void {
  describe('parameters from the query or the form body', () => {
    it.each([
      ['java', 'biz_content and app_auth_token in the body'],
      ['node', 'only biz_content in the body (app_auth_token in the query, no format)'],
      ['body', 'everything in the body'],
      ['query', 'everything in the query'],
    ] as const)('%s placement: %s', async (placement, _what) => {
      const params = { app_auth_token: 'token-1', ...(placement === 'node' ? { format: undefined } : {}) };
      const answer = await send({ biz: okBiz(`pl-${placement}`), placement, params });
      expect(answer.node.code).toBe('10000');
      const entry = gateway.requests.at(-1)!;
      const expected = { java: 'body', node: 'query', body: 'body', query: 'query' }[placement];
      expect(entry.placement.app_auth_token).toBe(expected);
      expect(entry.placement.biz_content).toBe(placement === 'query' ? 'query' : 'body');
    });

    it('on a duplicate the query wins (servlet getParameter order)', async () => {
      const params = await signedParams({ app: demoApp, biz: okBiz('dup') });
      const request = requestFromParams(params, { placement: 'java', url: url() });
      const body = `${await request.text()}&version=9.9`;
      const answer = await readAnswer(
        await fetch(request.url, { method: 'POST', headers: request.headers, body }),
        gateway,
      );
      expect(answer.node.code).toBe('10000');
      expect(gateway.requests.at(-1)?.params.version).toBe('1.0');
    });

    it('a body that is not a form is not read', async () => {
      const params = await signedParams({ app: demoApp, biz: okBiz('json-body') });
      const answer = await post(params, { contentType: 'application/json' });
      expect(answer.node.sub_code).toBe('isv.invalid-signature'); // biz_content never arrived
    });
  });

  describe('values are verified exactly as sent: a leading U+FEFF (BOM) is kept, as Java keeps it', () => {
    const BOM = '\uFEFF';
    /** The demo app's parameters with `biz_content` as given, signed by hand over the canonical string. */
    const signedByHand = async (bizContent: string) => {
      const params: Record<string, string> = {
        app_id: demoApp.appId,
        method: 'alipay.marketing.voucher.send',
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: formatTimestamp(),
        version: '1.0',
        biz_content: bizContent,
      };
      params.sign = await createSigner({ privateKey: demoApp.privateKey }).signString(canonicalize(params));
      return params;
    };

    it('signed with the BOM and sent with it → accepted (biz_content read as JSON past the BOM)', async () => {
      const params = await signedByHand(BOM + JSON.stringify(okBiz('bom-1')));
      expect(canonicalize(params)).toContain(`biz_content=${BOM}{`);
      const answer = await post(params);
      expect(answer.node.code).toBe('10000');
      expect(gateway.requests.at(-1)?.params.biz_content).toBe(params.biz_content);
      expect(gateway.vouchers).toHaveLength(1);
    });

    it('signed without the BOM, sent with it → 40002 isv.invalid-signature over the string with it', async () => {
      const signed = await signedByHand(JSON.stringify(okBiz('bom-2')));
      const sent = { ...signed, biz_content: BOM + signed.biz_content };
      const answer = await post(sent);
      expect(answer.node).toMatchObject({ code: '40002', sub_code: 'isv.invalid-signature' });
      expect(answer.node.sub_msg).toBe(
        SUB_CODES['isv.invalid-signature'].subMsg + canonicalize(sent).replaceAll('&', '&amp;'),
      );
      expect(answer.node.sub_msg).toContain(`biz_content=${BOM}{`);
      expect(gateway.vouchers).toHaveLength(0);
    });
  });

  describe('charsets', () => {
    it.each(['gbk', 'gb2312'] as const)(
      '%s: percent-encoded bytes decoded, verified, answered in kind',
      async (charset) => {
        const answer = await send({ biz: okBiz(`cs-${charset}`, { memo: '优酷3个月兑换券' }), charset });
        expect(answer.node.code).toBe('10000');
        // text/html as the real gateway sends it (issue #13; it was application/json), in the charset sent.
        expect(answer.contentType).toBe(`text/html;charset=${charset}`);
        expect(gateway.vouchers.at(-1)?.memo).toBe('优酷3个月兑换券');
        expect(gateway.requests.at(-1)?.charset).toBe(charset);
      },
    );

    it("gbk: € and ♁ travel as Java's A2E3 and A892, are read as Java reads them and stored intact", async () => {
      const memo = '€100 ♁';
      expect(percentEncode(memo, 'gbk')).toBe('%A2%E3100+%A8%92');
      const answer = await send({ biz: okBiz('cs-euro', { memo }), charset: 'gbk' });
      expect(answer.node.code).toBe('10000');
      expect(gateway.requests.at(-1)).toMatchObject({ charset: 'gbk', verdict: { code: '10000' } });
      expect(gateway.vouchers.at(-1)?.memo).toBe(memo);
    });

    it("gbk: an answer carrying € and ♁ is written in Java's bytes (A2E3, A892) and verifies", async () => {
      const subMsg = '€100 ♁';
      gateway.nextCall({ sub_code: 'TEMPLATE_NOT_EXIST', sub_msg: subMsg });
      const params = await signedParams({ app: demoApp, biz: okBiz('cs-euro-answer'), charset: 'gbk' });
      const response = await gateway.handle(requestFromParams(params, { charset: 'gbk', url: url() }));
      if (response === DROP) throw new Error('dropped');
      const bytes = Buffer.from(await response.clone().arrayBuffer());
      expect(bytes.toString('hex')).toContain('a2e331303020a892');
      const answer = await readAnswer(response, gateway, { charset: 'gbk' });
      expect(answer).toMatchObject({
        verified: true,
        node: { sub_code: 'TEMPLATE_NOT_EXIST', sub_msg: subMsg },
      });
    });

    it("gb2312: ・ and ― travel as Java's A1A4 and A1AA and are stored intact; · and — cannot (Java sends ?)", async () => {
      const memo = '张三\u30fb李四\u2015';
      expect(percentEncode(memo, 'gb2312')).toBe('%D5%C5%C8%FD%A1%A4%C0%EE%CB%C4%A1%AA');
      expect(percentEncode('\u00b7\u2014', 'gb2312')).toBe('%3F%3F');
      const answer = await send({ biz: okBiz('cs-gb2312-dot', { memo }), charset: 'gb2312' });
      expect(answer.node.code).toBe('10000');
      expect(gateway.vouchers.at(-1)?.memo).toBe(memo);
    });

    it('a GBK request signed over UTF-8 bytes fails, and the sub_msg still shows the decoded string', async () => {
      const biz = okBiz('cs-mixed', { memo: '中文' });
      const params = await signedParams({ app: demoApp, biz, params: { charset: 'gbk' } });
      const answer = await post(params, { charset: 'gbk' });
      expect(answer.node.sub_code).toBe('isv.invalid-signature');
      expect(answer.node.sub_msg).toContain('"memo":"中文"');
    });

    it('the charset may come from the Content-Type alone', async () => {
      const params = await signedParams({
        app: demoApp,
        biz: okBiz('cs-header', { memo: '中文' }),
        charset: 'gbk',
      });
      const request = new Request(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=GBK' },
        body: encodeForm(params, 'gbk').replace(/(^|&)charset=gbk/, ''),
      });
      const answer = await readAnswer(await fetch(request), gateway, { charset: 'gbk' });
      // charset is signed, so leaving it out breaks the signature — but the memo decoded as GBK.
      expect(answer.node.sub_msg).toContain('"memo":"中文"');
    });

    it('RSA (SHA1withRSA) apps are verified and answered with RSA', async () => {
      const app = gateway.registerApp({ signType: 'RSA' });
      const answer = await send({
        app: { appId: app.appId, privateKey: app.privateKey! },
        biz: okBiz('rsa1'),
        signType: 'RSA',
      });
      expect(answer.node.code).toBe('10000');
    });
  });
}
