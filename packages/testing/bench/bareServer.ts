// Child process: the baseline — a bare node:http server doing the same cryptography as the fake
// (verify the request's RSA2 signature, sign a response node) and nothing else.
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { DEMO_ALIPAY_KEYS, DEMO_APP_KEYS } from '../src/index.js';

const appKey = createPublicKey(DEMO_APP_KEYS.publicKey);
const alipayKey = createPrivateKey(DEMO_ALIPAY_KEYS.privateKey);

function canonical(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([key, value]) => key !== 'sign' && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const params = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
      params.append(key, value);
    const ok = verify(
      'sha256',
      Buffer.from(canonical(params)),
      appKey,
      Buffer.from(params.get('sign') ?? '', 'base64'),
    );
    const node = ok
      ? JSON.stringify({
          code: '10000',
          msg: 'Success',
          voucher_id: '20886059926700000001P7RGT96N',
          user_id: '2088000000000002',
        })
      : JSON.stringify({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' });
    sign('sha256', Buffer.from(node), alipayKey, (error, signature) => {
      if (error) throw error;
      const body = `{"alipay_marketing_voucher_send_response":${node},"sign":"${signature.toString('base64')}"}`;
      res.writeHead(ok ? 200 : 500, { 'content-type': 'application/json;charset=utf-8' }).end(body);
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/gateway.do` })}\n`);
});
