// Requests per second of the standalone fake gateway beside two bare node:http servers answering the
// same requests (bareServer.ts): `plain`, the ceiling of any server here, and `crypto`, which adds the
// one verify + one sign per request the fake cannot skip, the ceiling of any server that does them.
// Target: the fake at 0.70x or more of the crypto-bound ceiling. Each server runs in its own child
// process; autocannon loads it from this one, on 127.0.0.1 only, with the same pre-signed requests
// (Node SDK layout: biz_content in the body). Ends with `<what>  measured  target  ceiling  verdict` lines.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createSigner, formatTimestamp } from '@aopkit/signer';
import { METHOD } from '@aopkit/types';
import autocannon, { type Request as LoadRequest, type Result } from 'autocannon';
import { printTargets } from '../../../bench/printTargets.js';
import { DEMO_APP_KEYS, demoFixtures } from '../src/index.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 16;
const REQUESTS = 256;
/** The fake's target, as a share of the crypto-bound ceiling (bare + verify + sign). */
const TARGET = 0.7;

function startChild(
  file: string,
  args: string[] = [],
): Promise<{ child: ChildProcess; url: string; ask: () => Promise<unknown> }> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  // BENCH_NODE_OPTIONS: flags for the servers only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const flags = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', path, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
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
  { name: 'bare', ...(await startChild('./bareServer.ts', ['plain'])), runs: [] as Result[] },
  { name: 'bare+crypto', ...(await startChild('./bareServer.ts', ['crypto'])), runs: [] as Result[] },
  { name: 'fake', ...(await startChild('./fakeServer.ts')), runs: [] as Result[] },
];
const fakeServer = servers[2]!;
try {
  for (const server of servers) await load(server.url, requests, 1); // warm-up: JIT, key caches, first issues
  // Interleaved, each round starting with another server, so that noise from other processes on the
  // machine hits all alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < servers.length; i++) {
      const server = servers[(round + i) % servers.length]!;
      server.runs.push(await load(server.url, requests, DURATION_S));
    }
  }
  console.log('fake verdicts (last 1000 requests):', JSON.stringify(await fakeServer.ask()));
} finally {
  for (const server of servers) server.child.kill();
}

const mean = (runs: Result[]) => runs.reduce((sum, r) => sum + r.requests.average, 0) / runs.length;
const best = (runs: Result[]) => Math.max(...runs.map((r) => r.requests.average));
console.log(
  `\n${CONNECTIONS} connections, ${ROUNDS} x ${DURATION_S} s each, ${REQUESTS} pre-signed requests, 127.0.0.1`,
);
for (const server of servers) for (const run of server.runs) console.log(report(server.name, run));
const [bare, crypto, fake] = servers.map((server) => mean(server.runs)) as [number, number, number];
console.log(
  `mean req/s: ${servers.map((server) => `${server.name} ${mean(server.runs).toFixed(0)}`).join(', ')}; best: ${servers.map((server) => `${server.name} ${best(server.runs).toFixed(0)}`).join(', ')}`,
);
console.log(
  '\nbare: node:http, a fixed signed answer, the ceiling of any server here; bare+crypto: the same plus one\n' +
    `crypto.verify and one crypto.sign per request, the crypto-bound ceiling. Target: ${TARGET.toFixed(2)}x of bare+crypto.`,
);
console.log(
  `reported: bare+crypto / bare ${(crypto / bare).toFixed(2)}× (what the crypto alone costs a server)\n`,
);
printTargets([
  {
    what: 'fake / bare+crypto (one verify + one sign per request)',
    measured: fake / crypto,
    target: { atLeast: TARGET },
    ceiling: 1,
    unit: '×',
  },
]);
if (servers.some((server) => server.runs.some((r) => r.non2xx + r.errors > 0))) {
  console.error('some requests failed: the figures above are not comparable');
  process.exitCode = 1;
}
