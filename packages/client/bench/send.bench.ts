// sends/s of @aopkit/client beside the official SDK's exec (validateSign: true), against the same
// standalone fake gateway on loopback, 16 calls in flight, bounded in time.
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import http from 'node:http';
import { canonicalize } from '@aopkit/signer';
import { AlipaySdk } from 'alipay-sdk';
import { printTargets } from '../../../bench/printTargets.js';
import { type FloorFigures, measureFloor } from './floor.js';
import { startBenchFake } from './startBenchFake.js';

// Measure what users run: the built bundle (`pnpm build` first; turbo's bench task depends on it).
const { createAlipayClient }: typeof import('../src/index.js') = await import('../dist/index.js' as string);

// alipay-sdk stamps host local time; the fake (like Alipay) wants Beijing time within 15 minutes.
process.env.TZ = 'Asia/Shanghai';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const APP_ID = '2021000000000001';

const { child, url, alipayPublicKey, privateKey } = await startBenchFake();

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

// The request exactly as the client puts it on the wire, captured once through a fetch of our own,
// for the floor's bare POST and the hand-written contender below.
let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
const capturing = createAlipayClient({
  appId: APP_ID,
  privateKey,
  alipayPublicKey,
  gateway: url,
  maxRetries: 0,
  fetch: async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    captured = { url: String(input), headers, body: String(init?.body) };
    return fetch(input, init);
  },
});
await capturing.marketing.voucher.send(biz());
if (!captured) throw new Error('nothing captured');
const exchange = captured;
const query = new URL(exchange.url).searchParams;
const signedParams = Object.fromEntries([...query].filter(([k]) => k !== 'sign'));
const form = Object.fromEntries(new URLSearchParams(exchange.body));

// The least a client can do per send, written by hand: a fresh biz_content, one canonical string,
// one crypto.sign on the thread pool (so it uses both cores, as ours does), one bare node:http POST,
// one crypto.verify of the answer's node. Its rate and CPU are the ceilings of any client's against
// this fake on this machine.
const keyObject = createPrivateKey(privateKey);
const alipayKeyObject = createPublicKey(alipayPublicKey);
const signOnPool = (content: string) =>
  new Promise<string>((resolve, reject) =>
    sign('sha256', Buffer.from(content), keyObject, (error, signature) =>
      error ? reject(error) : resolve(signature.toString('base64')),
    ),
  );
const post = (target: string, body: string) =>
  new Promise<string>((resolve, reject) => {
    const request = http.request(target, { method: 'POST', headers: exchange.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    request.on('error', reject);
    request.end(body);
  });
const least = async () => {
  const bizContent = JSON.stringify(biz());
  const signature = await signOnPool(canonicalize({ ...signedParams, biz_content: bizContent }));
  const answer = await post(
    `${url}?${new URLSearchParams({ ...signedParams, sign: signature })}`,
    `biz_content=${encodeURIComponent(bizContent)}`,
  );
  const end = answer.lastIndexOf(',"sign":"');
  const node = answer.slice(answer.indexOf(':') + 1, end);
  const signed = Buffer.from(answer.slice(end + 9, -2), 'base64');
  if (!verify('sha256', Buffer.from(node), alipayKeyObject, signed) || !node.includes('"10000"'))
    throw new Error(`least: ${answer.slice(0, 160)}`);
};

const contenders: Record<string, () => Promise<unknown>> = {
  '@aopkit/client send': () => aopkit.marketing.voucher.send(biz()),
  'alipay-sdk exec (validateSign)': async () => {
    const r = await sdk.exec('alipay.marketing.voucher.send', { bizContent: biz() }, { validateSign: true });
    if (r.code !== '10000') throw new Error(`alipay-sdk: ${r.code} ${r.subCode ?? ''}`);
  },
  'least client (hand-written)': least,
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
// Alternating rounds, so a neighbour's load on the machine hits every contender alike; the floor's
// pieces are measured between rounds, in the same run.
const floors: FloorFigures[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name, call] of Object.entries(contenders)) {
    const result = await run(call, SECONDS / ROUNDS);
    totals[name] = [...(totals[name] ?? []), result];
    const { perSecond, cpuMsPerSend, errors } = result;
    console.log(
      `round ${round}  ${name.padEnd(32)} ${perSecond.toFixed(0).padStart(6)} sends/s  ${cpuMsPerSend.toFixed(3)} client CPU ms/send  (${errors} errors)`,
    );
  }
  const answer = await (async () => {
    const res = await fetch(exchange.url, { method: 'POST', headers: exchange.headers, body: exchange.body });
    return res.text();
  })();
  const floor = await measureFloor(
    { ...exchange, signString: canonicalize({ ...signedParams, ...form }), answer },
    { privateKey, alipayPublicKey },
    IN_FLIGHT,
    (SECONDS / ROUNDS) * 500,
  );
  floors.push(floor);
  console.log(
    `round ${round}  floor: sign ${floor.signMs.toFixed(3)} + verify ${floor.verifyMs.toFixed(3)} + bare POST ${floor.postMs.toFixed(3)} = ${floor.totalMs.toFixed(3)} ms CPU/send`,
  );
}
const mean = <T>(xs: readonly T[], pick: (x: T) => number) => xs.reduce((a, b) => a + pick(b), 0) / xs.length;
const [ours, theirs, leastRuns] = Object.values(totals) as [RunResult[], RunResult[], RunResult[]];
const rate = {
  ours: mean(ours, (r) => r.perSecond),
  sdk: mean(theirs, (r) => r.perSecond),
  least: mean(leastRuns, (r) => r.perSecond),
};
const cpu = {
  ours: mean(ours, (r) => r.cpuMsPerSend),
  sdk: mean(theirs, (r) => r.cpuMsPerSend),
  least: mean(leastRuns, (r) => r.cpuMsPerSend),
};
const floor = {
  sign: mean(floors, (f) => f.signMs),
  verify: mean(floors, (f) => f.verifyMs),
  post: mean(floors, (f) => f.postMs),
  total: mean(floors, (f) => f.totalMs),
};

console.log(
  `\nmeans: @aopkit/client ${rate.ours.toFixed(0)} sends/s ${cpu.ours.toFixed(3)} ms CPU; alipay-sdk ${rate.sdk.toFixed(0)} sends/s ${cpu.sdk.toFixed(3)} ms CPU; least client ${rate.least.toFixed(0)} sends/s ${cpu.least.toFixed(3)} ms CPU`,
);
console.log(
  `floor: sign ${floor.sign.toFixed(3)} + verify ${floor.verify.toFixed(3)} + bare node:http POST ${floor.post.toFixed(3)} = ${floor.total.toFixed(3)} ms CPU/send\n`,
);
printTargets([
  {
    what: 'throughput / alipay-sdk exec (validateSign)',
    measured: rate.ours / rate.sdk,
    target: { atLeast: 1.5 },
    ceiling: rate.least / rate.sdk,
    unit: '×',
  },
  {
    what: 'client CPU per send / floor (sign + verify + bare POST)',
    measured: cpu.ours / floor.total,
    target: { atMost: 1.2 },
    ceiling: cpu.least / floor.total,
    unit: '×',
  },
  {
    what: 'client CPU per send / the hand-written least client CPU',
    measured: cpu.ours / cpu.least,
    ceiling: 1,
    unit: '×',
  },
]);
console.log(
  `\n${IN_FLIGHT} in flight, ${SECONDS} s per contender in ${ROUNDS} rounds, fake gateway in its own process on ${url}`,
);
child.stdin.end();
