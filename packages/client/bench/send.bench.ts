// sends/s of @aopkit/client beside the official SDK's exec (validateSign: true), against the same
// standalone fake gateway on loopback, 16 calls in flight, bounded in time.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createInterface } from 'node:readline';
import { AlipaySdk } from 'alipay-sdk';
import { createAlipayClient } from '../src/index.js';

// alipay-sdk stamps host local time; the fake (like Alipay) wants Beijing time within 15 minutes.
process.env.TZ = 'Asia/Shanghai';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 16);
const APP_ID = '2021000000000001';

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
const [line] = await createInterface({ input: child.stdout })
  [Symbol.asyncIterator]()
  .next()
  .then((r) => [r.value as string]);
const { url, alipayPublicKey } = JSON.parse(line!) as { url: string; alipayPublicKey: string };

let seq = 0;
const biz = () => ({
  template_id: 'T_BENCH',
  out_biz_no: `bench-${process.pid}-${++seq}`,
  user_id: '2088000000000001',
});

const aopkit = createAlipayClient({
  appId: APP_ID,
  privateKey,
  alipayPublicKey,
  gateway: url,
  maxRetries: 0,
});
const sdk = new AlipaySdk({
  appId: APP_ID,
  privateKey,
  keyType: 'PKCS8',
  alipayPublicKey,
  gateway: url,
  timeout: 15_000,
});

const contenders: Record<string, () => Promise<unknown>> = {
  '@aopkit/client send': () => aopkit.marketing.voucher.send(biz()),
  'alipay-sdk exec (validateSign)': async () => {
    const r = await sdk.exec('alipay.marketing.voucher.send', { bizContent: biz() }, { validateSign: true });
    if (r.code !== '10000') throw new Error(`alipay-sdk: ${r.code} ${r.subCode ?? ''}`);
  },
};

interface RunResult {
  perSecond: number;
  /** CPU of this process (main thread and libuv pool) per completed send: the client's own cost. */
  cpuMsPerSend: number;
  errors: number;
}

async function run(call: () => Promise<unknown>, seconds: number): Promise<RunResult> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  const worker = async () => {
    while (performance.now() < until) {
      try {
        await call();
        done++;
      } catch (error) {
        if (++errors === 1) console.error(error);
      }
    }
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const { user, system } = process.cpuUsage(cpu);
  return {
    perSecond: done / ((performance.now() - started) / 1000),
    cpuMsPerSend: (user + system) / 1000 / done,
    errors,
  };
}

const totals: Record<string, RunResult[]> = {};
for (const call of Object.values(contenders)) await run(call, 1); // warm-up
// Alternating rounds, so a neighbour's load on the machine hits both alike.
for (let round = 1; round <= 2; round++) {
  for (const [name, call] of Object.entries(contenders)) {
    const result = await run(call, SECONDS / 2);
    totals[name] = [...(totals[name] ?? []), result];
    const { perSecond, cpuMsPerSend, errors } = result;
    console.log(
      `round ${round}  ${name.padEnd(32)} ${perSecond.toFixed(0).padStart(6)} sends/s  ${cpuMsPerSend.toFixed(2)} client CPU ms/send  (${errors} errors)`,
    );
  }
}
const mean = (xs: RunResult[], key: 'perSecond' | 'cpuMsPerSend') =>
  xs.reduce((a, b) => a + b[key], 0) / xs.length;
const [ours, theirs] = Object.values(totals) as [RunResult[], RunResult[]];
const rate = [mean(ours, 'perSecond'), mean(theirs, 'perSecond')] as const;
const cpu = [mean(ours, 'cpuMsPerSend'), mean(theirs, 'cpuMsPerSend')] as const;
console.log(
  `\nthroughput: @aopkit/client ${rate[0].toFixed(0)} sends/s, alipay-sdk ${rate[1].toFixed(0)} sends/s: ${(rate[0] / rate[1]).toFixed(2)}x (target >= 1.5x)`,
);
console.log(
  `client CPU: @aopkit/client ${cpu[0].toFixed(2)} ms/send, alipay-sdk ${cpu[1].toFixed(2)} ms/send: ${(cpu[1] / cpu[0]).toFixed(2)}x less`,
);
console.log(`${IN_FLIGHT} in flight, ${SECONDS} s per contender, fake gateway in its own process on ${url}`);
child.stdin.end();
