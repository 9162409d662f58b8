// Profiling aid: only @aopkit/client sends against the bench's fake, for `node --cpu-prof`.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createAlipayClient } from '../dist/index.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const child = spawn(
  process.execPath,
  ['--import', 'tsx', new URL('./fakeServer.ts', import.meta.url).pathname],
  {
    env: { ...process.env, BENCH_APP_PUBLIC_KEY: publicKey },
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const line = (await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next()).value as string;
const { url, alipayPublicKey } = JSON.parse(line);
const client = createAlipayClient({
  appId: '2021000000000001',
  privateKey,
  alipayPublicKey,
  gateway: url,
  maxRetries: 0,
});
let seq = 0;
const until = performance.now() + Number(process.env.SECONDS ?? 6) * 1000;
const cpu = process.cpuUsage();
let done = 0;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (performance.now() < until) {
      await client.marketing.voucher.send({
        template_id: 'T_BENCH',
        out_biz_no: `p-${++seq}`,
        user_id: '2088000000000001',
      });
      done++;
    }
  }),
);
const u = process.cpuUsage(cpu);
console.log(done, 'sends', ((u.user + u.system) / 1000 / done).toFixed(3), 'ms CPU/send');
child.stdin.end();
