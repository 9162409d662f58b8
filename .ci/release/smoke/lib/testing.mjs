// @aopkit/testing on its own: the fake gateway over real HTTP, a request signed by hand (WebCrypto),
// its signed answer verified by hand, the fake's state, and a bad signature refused.
import {
  canonicalString,
  check,
  cutResponse,
  postForm,
  RESPONSE_NODE,
  signRsa2,
  verifyRsa2,
  voucherParams,
} from './rsa.mjs';

export async function testingScenario(testing) {
  const gateway = testing.createFakeGateway({ seed: 7 });
  const app = gateway.registerApp();
  gateway.addTemplate({ template_id: 'T-SMOKE' });
  gateway.addUser({ user_id: '2088102122524333' });
  const server = await testing.startFakeGatewayServer({ port: 0, gateway });
  try {
    const params = voucherParams(app.appId, {
      template_id: 'T-SMOKE',
      out_biz_no: 'smoke-testing-1',
      user_id: '2088102122524333',
    });
    const sign = await signRsa2(app.privateKey, canonicalString(params));
    const raw = await (await postForm(server.url, { ...params, sign })).text();
    const { content, sign: responseSign } = cutResponse(raw, RESPONSE_NODE);
    check(
      await verifyRsa2(gateway.alipayPublicKey, content, responseSign),
      'the fake signs its answer with its Alipay key',
    );
    const node = JSON.parse(content);
    check(node.code === '10000' && typeof node.voucher_id === 'string', `success answer (got ${content})`);
    check(
      gateway.vouchers.length === 1 && gateway.vouchers[0].voucher_id === node.voucher_id,
      'the fake recorded the voucher',
    );

    const forged = await (
      await postForm(server.url, { ...params, sign: sign.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })
    ).text();
    check(
      /isv\.invalid-signature/.test(forged),
      `a bad signature gets isv.invalid-signature (got ${forged.slice(0, 200)})`,
    );
    check(gateway.vouchers.length === 1, 'nothing issued for a bad signature');
    return `testing ok (fake at ${server.url}, voucher ${node.voucher_id})`;
  } finally {
    await server.close();
  }
}
