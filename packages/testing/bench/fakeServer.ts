// Child process: the standalone fake gateway with the demo fixtures, as the CLI runs it.
import { demoFixtures, startFakeGatewayServer } from '../src/index.js';

const server = await startFakeGatewayServer({
  gatewayOptions: { fixtures: demoFixtures, requestLogLimit: 1000 },
});
const codes = () => {
  const counts: Record<string, number> = {};
  for (const entry of server.gateway.requests) {
    const key = entry.verdict?.sub_code ?? entry.verdict?.code ?? 'dropped';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
// The parent asks, after the load, what the last 1000 requests were answered (all must be 10000).
process.stdin.on('data', () => process.stdout.write(`${JSON.stringify({ codes: codes() })}\n`));
// A normal exit on the parent's kill, so that `--cpu-prof` (BENCH_NODE_OPTIONS) writes its profile.
process.on('SIGTERM', () => process.exit(0));
