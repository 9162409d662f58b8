// Child process: a bare node:http server answering the fake's requests, in one of two modes (argv[2]):
//   plain   reads the request and sends a success answer signed once at start: the least any server
//           here can do, so the ceiling of every server in the bench.
//   crypto  the same, plus the cryptography the fake cannot skip: one crypto.verify of the request's
//           RSA2 signature and one crypto.sign of the answer (KeyObjects, RSA-2048 both, as the fake's),
//           so the ceiling of any server that verifies and signs.
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { DEMO_ALIPAY_KEYS, DEMO_APP_KEYS } from '../src/index.js';

const mode = process.argv[2];
if (mode !== 'plain' && mode !== 'crypto')
  throw new Error(`bareServer: mode must be plain or crypto, not ${mode}`);

const appKey = createPublicKey(DEMO_APP_KEYS.publicKey);
const alipayKey = createPrivateKey(DEMO_ALIPAY_KEYS.privateKey);

const SUCCESS = JSON.stringify({
  code: '10000',
  msg: 'Success',
  voucher_id: '20886059926700000001P7RGT96N',
  user_id: '2088000000000002',
});
const REFUSAL = JSON.stringify({
  code: '40002',
  msg: 'Invalid Arguments',
  sub_code: 'isv.invalid-signature',
});
const bodyOf = (node: string, signature: Buffer) =>
  `{"alipay_marketing_voucher_send_response":${node},"sign":"${signature.toString('base64')}"}`;
// plain mode's answer: the same bytes crypto mode sends for a verified request (PKCS#1 v1.5 is deterministic).
const SIGNED_SUCCESS = bodyOf(SUCCESS, sign('sha256', Buffer.from(SUCCESS), alipayKey));

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
    const headers = { 'content-type': 'application/json;charset=utf-8' };
    if (mode === 'plain') {
      res.writeHead(params.has('sign') ? 200 : 500, headers).end(SIGNED_SUCCESS);
      return;
    }
    const ok = verify(
      'sha256',
      Buffer.from(canonical(params)),
      appKey,
      Buffer.from(params.get('sign') ?? '', 'base64'),
    );
    const node = ok ? SUCCESS : REFUSAL;
    sign('sha256', Buffer.from(node), alipayKey, (error, signature) => {
      if (error) throw error;
      res.writeHead(ok ? 200 : 500, headers).end(bodyOf(node, signature));
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/gateway.do` })}\n`);
});
// A normal exit on the parent's kill, so that `--cpu-prof` (BENCH_NODE_OPTIONS) writes its profile.
process.on('SIGTERM', () => process.exit(0));
