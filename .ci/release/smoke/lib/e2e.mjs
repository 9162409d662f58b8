// All packages together, as a merchant's test suite would use them: the fake gateway (testing) on
// loopback, a voucher sent with the client, and a request signed and a response verified with the signer.
import { check, METHOD, postForm, voucherParams } from './rsa.mjs';

export async function e2eScenario({ signer, testing, client }) {
  const gateway = testing.createFakeGateway({ seed: 11 });
  const app = gateway.registerApp();
  gateway.addTemplate({ template_id: 'T-E2E' });
  gateway.addUser({ user_id: '2088102122524333' });
  const server = await testing.startFakeGatewayServer({ port: 0, gateway });
  try {
    const biz = { template_id: 'T-E2E', out_biz_no: 'smoke-e2e-1', user_id: '2088102122524333' };
    const alipayClient = client.createAlipayClient({
      appId: app.appId,
      privateKey: app.privateKey,
      alipayPublicKey: gateway.alipayPublicKey,
      gateway: server.url,
    });
    const sent = await alipayClient.marketing.voucher.send(biz);
    check(
      gateway.vouchers.length === 1 && gateway.vouchers[0].voucher_id === sent.voucher_id,
      'client send issued one voucher',
    );

    const params = voucherParams(app.appId, biz);
    const sign = await signer.createSigner({ privateKey: app.privateKey }).sign(params);
    const raw = await (await postForm(server.url, { ...params, sign })).text();
    const verifier = signer.createVerifier({ alipayPublicKey: gateway.alipayPublicKey });
    const { verified, node } = await verifier.verifyResponse(raw, METHOD);
    check(
      verified === true && node.code === '10000',
      `signer-signed request succeeds and verifies (got ${raw.slice(0, 200)})`,
    );
    check(
      node.voucher_id === sent.voucher_id && gateway.vouchers.length === 1,
      'same out_biz_no: same voucher, none issued twice',
    );
    return `e2e ok (voucher ${sent.voucher_id}, idempotent on out_biz_no)`;
  } finally {
    await server.close();
  }
}
