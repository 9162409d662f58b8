// @aopkit/client alone, sending to the bench's fake for BENCH_SECONDS (default 6), 16 in flight, over
// node:http (or fetch, with BENCH_TRANSPORT=fetch). Run under `node --cpu-prof`
// (`pnpm --filter @aopkit/client bench:profile`) to see where a send's CPU goes. Measures the built
// client (`pnpm build` first), as users run it.
import { startBenchFake } from './startBenchFake.js';

const { createAlipayClient }: typeof import('../src/index.js') = await import('../dist/index.js' as string);

const { child, url, alipayPublicKey, privateKey } = await startBenchFake();
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
