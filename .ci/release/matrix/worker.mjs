// The worker run by workerd (through Miniflare), bundled by esbuild with the packed packages. No
// nodejs_compat unless the host asks: the signer must find WebCrypto on its own. The client sends a
// voucher to the fake gateway that the Node host serves on 127.0.0.1.
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
      out.voucher_id = sent.voucher_id;
      out.ok = true;
    } catch (error) {
      out.ok = false;
      out.error = `${error?.name}: ${error?.message}${error?.cause ? ` (cause: ${error.cause?.message ?? error.cause})` : ''}`;
    }
    return Response.json(out);
  },
};
