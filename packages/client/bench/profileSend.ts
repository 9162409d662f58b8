// @aopkit/client alone, sending to the bench's fake for BENCH_SECONDS (default 6), 16 in flight, over
// node:http (or fetch, with BENCH_TRANSPORT=fetch). Run under `node --cpu-prof`
// (`pnpm --filter @aopkit/client bench:profile`) to see where a send's CPU goes. Measures the built
// client (`pnpm build` first), as users run it.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createInterface } from 'node:readline';

const { createAlipayClient }: typeof import('../src/index.js') = await import('../dist/index.js' as string);

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const child = spawn(
  process.execPath,
  ['--import', 'tsx', new URL('./fakeServer.ts', import.meta.url).pathname],
  { env: { ...process.env, BENCH_APP_PUBLIC_KEY: publicKey }, stdio: ['pipe', 'pipe', 'inherit'] },
);
const line = (await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next()).value as string;
const { url, alipayPublicKey } = JSON.parse(line) as { url: string; alipayPublicKey: string };
const client = createAlipayClient({
  appId: '2021000000000001',
  privateKey,
  alipayPublicKey,
  gateway: url,
  maxRetries: 0,
  transport: process.env.BENCH_TRANSPORT === 'fetch' ? 'fetch' : 'node-http',
});

let seq = 0;
let done = 0;
const until = performance.now() + Number(process.env.BENCH_SECONDS ?? 6) * 1000;
const cpu = process.cpuUsage();
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (performance.now() < until) {
      await client.marketing.voucher.send({
        template_id: 'T_BENCH',
        out_biz_no: `profile-${++seq}`,
        user_id: '2088000000000001',
      });
      done++;
    }
  }),
);
const { user, system } = process.cpuUsage(cpu);
console.log(`${done} sends, ${((user + system) / 1000 / done).toFixed(3)} ms CPU per send (this process)`);
child.stdin.end();
