// The worker run by workerd (through Miniflare), bundled by esbuild with the packed packages. No
// nodejs_compat unless the host asks: the signer must find WebCrypto on its own. The client sends a
// voucher to the fake gateway that the Node host serves on 127.0.0.1; with GBK set (nodejs_compat),
// a second one with charset gbk.
import * as client from '@aopkit/client';
import * as signer from '@aopkit/signer';
import { signerScenario } from '../smoke/lib/signer.mjs';

export default {
  async fetch(_request, env) {
    const out = { steps: [] };
    try {
      out.steps.push(await signerScenario(signer, { cryptoChoices: ['auto', 'web'] }));
      try {
        signer.createSigner({ privateKey: env.APP_PRIVATE_KEY, crypto: 'node' });
        out.steps.push("crypto: 'node' accepted (node:crypto reachable)");
      } catch (error) {
        out.steps.push(`crypto: 'node' refused: ${error.message}`);
      }
      const alipayClient = client.createAlipayClient({
        appId: env.APP_ID,
        privateKey: env.APP_PRIVATE_KEY,
        alipayPublicKey: env.ALIPAY_PUBLIC_KEY,
        gateway: env.GATEWAY_URL,
        maxRetries: 0,
      });
      const sent = await alipayClient.marketing.voucher.send({
        template_id: 'T-WORKER',
        out_biz_no: 'worker-1',
        user_id: '2088102122524333',
      });
      out.steps.push(`client sent voucher ${sent.voucher_id} to ${env.GATEWAY_URL}`);
      out.voucher_ids = [sent.voucher_id];
      if (env.GBK) {
        // GBK both ways: the request signed over GBK bytes, the answer decoded and verified as GBK.
        const gbkClient = client.createAlipayClient({
          appId: env.APP_ID,
          privateKey: env.APP_PRIVATE_KEY,
          alipayPublicKey: env.ALIPAY_PUBLIC_KEY,
          gateway: env.GATEWAY_URL,
          charset: 'gbk',
          maxRetries: 0,
        });
        const gbkSent = await gbkClient.marketing.voucher.send({
          template_id: 'T-WORKER',
          out_biz_no: 'worker-gbk-1',
          user_id: '2088102122524333',
          memo: '六一红包',
        });
        out.steps.push(`client sent voucher ${gbkSent.voucher_id} with charset gbk (memo 六一红包)`);
        out.voucher_ids.push(gbkSent.voucher_id);
      }
      out.ok = true;
    } catch (error) {
      out.ok = false;
      out.error = `${error?.name}: ${error?.message}${error?.cause ? ` (cause: ${error.cause?.message ?? error.cause})` : ''}`;
    }
    return Response.json(out);
  },
};
