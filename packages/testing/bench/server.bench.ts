// Requests per second of the standalone fake gateway beside a bare node:http server doing the same
// verify + sign work. Each server runs in its own child process; autocannon loads it from this one,
// on 127.0.0.1 only, with the same pre-signed requests (Node SDK layout: biz_content in the body).
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createSigner, formatTimestamp } from '@aopkit/signer';
import { METHOD } from '@aopkit/types';
import autocannon, { type Request as LoadRequest, type Result } from 'autocannon';
import { DEMO_APP_KEYS, demoFixtures } from '../src/index.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 16;
const REQUESTS = 256;

function startChild(
  file: string,
): Promise<{ child: ChildProcess; url: string; ask: () => Promise<unknown> }> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await lines.next()).value as string) as Record<string, unknown>;
  const ask = async () => {
    child.stdin!.write('?\n');
    return next();
  };
  return next().then(({ url }) => ({ child, url: url as string, ask }));
}

/** Pre-signed requests: the same REQUESTS for both servers, built before any load starts. */
async function buildRequests(): Promise<LoadRequest[]> {
  const signer = createSigner({ privateKey: DEMO_APP_KEYS.privateKey });
  const requests: LoadRequest[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const biz = { template_id: 'TPL_VOUCHER_ACTIVE', out_biz_no: `bench-${i}`, user_id: '2088000000000002' };
    const common: Record<string, string> = {
      app_id: demoFixtures.apps[0].appId,
      method: METHOD,
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: formatTimestamp(),
      version: '1.0',
    };
    const sign = await signer.sign({ ...common, biz_content: JSON.stringify(biz) });
    const query = new URLSearchParams({ ...common, sign }).toString();
    requests.push({
      method: 'POST',
      path: `/gateway.do?${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams({ biz_content: JSON.stringify(biz) }).toString(),
    });
  }
  return requests;
}

async function load(url: string, requests: LoadRequest[], duration: number): Promise<Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, requests });
}

function report(name: string, r: Result): string {
  const rps = r.requests.average.toFixed(0).padStart(6);
  return `${name.padEnd(22)} ${rps} req/s   latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms   2xx ${r['2xx']}, non-2xx ${r.non2xx}, errors ${r.errors}`;
}

const requests = await buildRequests();
const servers = [
  { name: 'bare node:http', ...(await startChild('./bareServer.ts')), runs: [] as Result[] },
  { name: '@aopkit/testing fake', ...(await startChild('./fakeServer.ts')), runs: [] as Result[] },
];
try {
  for (const server of servers) await load(server.url, requests, 1); // warm-up: JIT, key caches, first issues
  // Alternate the two, so that noise from other processes on the machine hits both alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const server of servers) server.runs.push(await load(server.url, requests, DURATION_S));
  }
  console.log('fake verdicts (last 1000 requests):', JSON.stringify(await servers[1]!.ask()));
} finally {
  for (const server of servers) server.child.kill();
}

const mean = (runs: Result[]) => runs.reduce((sum, r) => sum + r.requests.average, 0) / runs.length;
const best = (runs: Result[]) => Math.max(...runs.map((r) => r.requests.average));
console.log(
  `\n${CONNECTIONS} connections, ${ROUNDS} x ${DURATION_S} s each, ${REQUESTS} pre-signed requests, 127.0.0.1`,
);
for (const server of servers) for (const run of server.runs) console.log(report(server.name, run));
const [bare, fake] = servers.map((server) => server.runs) as [Result[], Result[]];
console.log(`mean: bare ${mean(bare).toFixed(0)} req/s, fake ${mean(fake).toFixed(0)} req/s`);
console.log(
  `best: bare ${best(bare).toFixed(0)} req/s, fake ${best(fake).toFixed(0)} req/s (the rounds least disturbed)`,
);
console.log(
  `ratio fake / bare: ${(mean(fake) / mean(bare)).toFixed(2)}x on means, ${(best(fake) / best(bare)).toFixed(2)}x on bests (target >= 0.70x)`,
);
if (servers.some((server) => server.runs.some((r) => r.non2xx + r.errors > 0))) {
  console.error('some requests failed: the figures above are not comparable');
  process.exitCode = 1;
}
