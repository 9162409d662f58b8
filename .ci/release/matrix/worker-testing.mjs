// A second worker: the fake gateway itself inside workerd (createFakeGateway + handle(), no server),
// with the client sending to it through an injected fetch. @aopkit/testing imports msw, so this one
// shows whether msw loads in workerd.
import { createAlipayClient } from '@aopkit/client';
import { createFakeGateway, DEMO_APP_KEYS } from '@aopkit/testing';

export default {
  async fetch() {
    const out = { steps: [] };
    try {
      const gateway = createFakeGateway({ seed: 3 });
      // With a public key given, registerApp generates nothing (key generation needs node:crypto).
      const app = gateway.registerApp({ publicKey: DEMO_APP_KEYS.publicKey });
      gateway.addTemplate({ template_id: 'T-WORKER' });
      gateway.addUser({ user_id: '2088102122524333' });
      const client = createAlipayClient({
        appId: app.appId,
        privateKey: DEMO_APP_KEYS.privateKey,
        alipayPublicKey: gateway.alipayPublicKey,
        gateway: 'sandbox',
        maxRetries: 0,
        fetch: async (url, init) => {
          const response = await gateway.handle(new Request(url, init));
          if (typeof response === 'symbol') throw new Error('the fake dropped the connection');
          return response;
        },
      });
      const sent = await client.marketing.voucher.send({
        template_id: 'T-WORKER',
        out_biz_no: 'worker-fake-1',
        user_id: '2088102122524333',
      });
      if (gateway.vouchers.length !== 1 || gateway.vouchers[0].voucher_id !== sent.voucher_id) {
        throw new Error('the in-worker fake did not record the voucher');
      }
      out.steps.push(`in-worker fake gateway issued ${sent.voucher_id} to the client (injected fetch)`);
      out.ok = true;
    } catch (error) {
      out.ok = false;
      out.error = `${error?.name}: ${error?.message}`;
    }
    return Response.json(out);
  },
};
