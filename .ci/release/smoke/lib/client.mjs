// @aopkit/client on its own, against a minimal gateway stand-in written with WebCrypto: it checks the
// request's signature and signs its answer. Also: a validation error before any request.
import { canonicalString, check, generateRsaPair, RESPONSE_NODE, signRsa2, verifyRsa2 } from './rsa.mjs';

async function startStandIn(appPublicPem, alipayPrivatePem) {
  const http = await import('node:http');
  let requests = 0;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      requests++;
      const params = Object.fromEntries(new URL(req.url, 'http://x').searchParams);
      const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        body.set(c, at);
        at += c.length;
      }
      for (const [k, v] of new URLSearchParams(new TextDecoder().decode(body))) params[k] = v;
      const ok = await verifyRsa2(appPublicPem, canonicalString(params), params.sign ?? '');
      const biz = JSON.parse(params.biz_content ?? '{}');
      const node = JSON.stringify(
        ok
          ? { code: '10000', msg: 'Success', voucher_id: '2024060100000042', user_id: biz.user_id }
          : {
              code: '40002',
              msg: 'Invalid Arguments',
              sub_code: 'isv.invalid-signature',
              sub_msg: 'bad signature',
            },
      );
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
      res.end(`{"${RESPONSE_NODE}":${node},"sign":"${await signRsa2(alipayPrivatePem, node)}"}`);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/gateway.do`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export async function clientScenario(client) {
  const app = await generateRsaPair();
  const alipay = await generateRsaPair();
  const standIn = await startStandIn(app.publicPem, alipay.privatePem);
  try {
    const alipayClient = client.createAlipayClient({
      appId: '2021000000000001',
      privateKey: app.privatePem,
      alipayPublicKey: alipay.publicPem,
      gateway: standIn.url,
      maxRetries: 0,
    });
    const sent = await alipayClient.marketing.voucher.send({
      template_id: 'T1',
      out_biz_no: 'smoke-client-1',
      user_id: '2088102122524333',
    });
    check(
      sent.voucher_id === '2024060100000042' && sent.user_id === '2088102122524333',
      `send resolves the verified result (got ${JSON.stringify(sent)})`,
    );

    let error;
    try {
      await alipayClient.marketing.voucher.send({
        out_biz_no: 'smoke-client-2',
        user_id: '2088102122524333',
      });
    } catch (e) {
      error = e;
    }
    check(
      error instanceof client.AlipayValidationError,
      `a missing template_id fails validation (got ${error?.name})`,
    );
    check(standIn.requests() === 1, 'the invalid call sent nothing');
    return `client ok (voucher ${sent.voucher_id})`;
  } finally {
    await standIn.close();
  }
}
