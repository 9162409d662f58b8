#!/usr/bin/env node
import { describeServer } from './cli/describeServer.js';
import { parseCliArgs, USAGE } from './cli/parseCliArgs.js';
import { readFixtures } from './cli/readFixtures.js';
import { createFakeGateway } from './createFakeGateway.js';
import { demoFixtures } from './demoFixtures.js';
import type {
  FakeApp,
  FakeGateway,
  FakeGatewayFixtures,
  FakeGatewayOptions,
  RequestLogEntry,
} from './FakeGateway.js';
import { startFakeGatewayServer } from './server/startFakeGatewayServer.js';

// One line per request: outcome only, never keys or tokens (the log already redacts them).
function logLine(entry: RequestLogEntry): string {
  const what = entry.verdict
    ? [entry.verdict.code, entry.verdict.sub_code ?? entry.verdict.msg].join(' ')
    : 'connection dropped';
  const extras = [
    entry.fault && `fault=${entry.fault}`,
    entry.voucher_id && `voucher_id=${entry.voucher_id}`,
  ];
  return [
    `#${entry.seq}`,
    entry.app_id ?? '-',
    what,
    ...extras.filter(Boolean),
    `${entry.durationMs.toFixed(1)}ms`,
  ].join(' ');
}

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const fixtures: FakeGatewayFixtures = options.fixtures
    ? await readFixtures(options.fixtures)
    : demoFixtures;
  const gatewayOptions: FakeGatewayOptions = {
    seed: options.seed,
    fixtures,
    requestLogLimit: 1000, // a long-running server must not grow without bound
    ...(options.faultRate > 0
      ? { faults: { rate: options.faultRate, latencyMs: options.latencyMs ?? 100 } }
      : {}),
    ...(options.quiet ? {} : { onRequest: (entry: RequestLogEntry) => console.log(logLine(entry)) }),
  };
  let gateway: FakeGateway;
  try {
    gateway = createFakeGateway(gatewayOptions); // loads the fixtures, checking each entry
  } catch (error) {
    if (!options.fixtures) throw error;
    // Named after the file, like readFixtures' own errors (the entry's message never holds a key).
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`--fixtures ${options.fixtures}: ${reason}`, { cause: error });
  }
  const server = await startFakeGatewayServer({ port: options.port, host: options.host, gateway });
  // No app in the fixtures: register one, and print its freshly generated key.
  const apps: readonly FakeApp[] = fixtures.apps?.length ? fixtures.apps : [server.gateway.registerApp()];
  process.stdout.write(describeServer(server.url, apps, server.gateway.alipayPublicKey, fixtures));
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`aopkit-fake-gateway: ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof Error && error.message.startsWith('--'))) console.error(USAGE);
  process.exit(2);
});
