import { AopkitError } from '@aopkit/signer';
import { createGatewayCore } from '../createGatewayCore.js';
import { demoFixtures } from '../demoFixtures.js';
import { FakeGatewayError } from '../errors/FakeGatewayError.js';
import type { FakeGatewayCore, FakeGatewayFixtures, RequestLogEntry } from '../FakeGatewayCore.js';
import { type FakeGatewayServer, startFakeGatewayServer } from '../server/startFakeGatewayServer.js';
import { formatReport, reportOf } from './describeRequest.js';
import { describeServer, describeServerJson, type ServerFacts } from './describeServer.js';
import { type CliOptions, parseCliArgs, USAGE } from './parseCliArgs.js';
import { readFixtures } from './readFixtures.js';
import { writeKeysDir } from './writeKeysDir.js';

/** Where the CLI writes: process.stdout/stderr, or a collector in tests. */
export interface Output {
  write(text: string): unknown;
}

export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  /** Stops the server: main() then closes it and resolves with 0. */
  readonly signal: AbortSignal;
}

const NAME = 'aopkit-fake-gateway';

/**
 * Runs the CLI: starts the fake gateway server, prints the banner, serves until `io.signal` aborts.
 * Resolves to the process exit code: 0 after a clean stop (or `--help`), 2 for a usage, fixtures, key
 * or port error (one line naming the option, no stack trace).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    const server = await start(options, io);
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await server.close();
    return 0;
  } catch (error) {
    if (!(error instanceof AopkitError)) throw error; // a bug: its stack trace is wanted
    io.stderr.write(`${NAME}: ${error.message}\n`);
    if (error.code === 'ERR_FAKE_CLI' && (error as FakeGatewayError).field === 'argv')
      io.stderr.write(`Run "${NAME} --help" for usage.\n`);
    return 2;
  }
}

async function start(options: CliOptions, io: Io): Promise<FakeGatewayServer> {
  const fixtures: FakeGatewayFixtures = options.fixtures
    ? await readFixtures(options.fixtures)
    : demoFixtures;
  const log = (entry: RequestLogEntry) => {
    const report = reportOf(entry);
    io.stdout.write(
      `${options.json ? JSON.stringify({ event: 'request', ...report }) : formatReport(report)}\n`,
    );
  };
  const gateway = createGateway(options, fixtures, options.quiet ? undefined : log);
  const server = await listen(options, gateway);
  try {
    // No app in the fixtures: register one, and print its freshly generated key.
    const [first, ...otherApps] = fixtures.apps ?? [];
    const registered = first ? undefined : gateway.registerApp();
    const app = first ?? {
      appId: registered!.appId,
      publicKey: registered!.publicKey,
      privateKey: registered!.privateKey,
      signType: registered!.signType,
    };
    const facts: ServerFacts = {
      url: server.url,
      controlUrl: server.controlUrl,
      consoleUrl: `${server.controlUrl}console`,
      app,
      otherApps,
      alipayPublicKey: gateway.alipayPublicKey,
      fixtures,
    };
    if (options.keysDir !== undefined) {
      facts.keyFiles = await writeKeysDir(options.keysDir, {
        ...(app.privateKey === undefined ? {} : { appPrivateKey: app.privateKey }),
        // A certificate-mode app's certificate holds its public key: node:crypto reads it from there.
        appPublicKey: registered?.publicKey ?? first?.publicKey ?? first?.appCert ?? '',
        alipayPublicKey: gateway.alipayPublicKey,
      });
    }
    io.stdout.write(options.json ? `${JSON.stringify(describeServerJson(facts))}\n` : describeServer(facts));
    return server;
  } catch (error) {
    await server.close();
    throw error;
  }
}

function createGateway(
  options: CliOptions,
  fixtures: FakeGatewayFixtures,
  onRequest: ((entry: RequestLogEntry) => void) | undefined,
): FakeGatewayCore {
  try {
    return createGatewayCore({
      seed: options.seed,
      fixtures,
      requestLogLimit: 1000, // a long-running server must not grow without bound
      ...(options.faultRate > 0
        ? { faults: { rate: options.faultRate, latencyMs: options.latencyMs ?? 100 } }
        : {}),
      ...(onRequest ? { onRequest } : {}),
    });
  } catch (error) {
    if (!options.fixtures || !(error instanceof AopkitError)) throw error;
    // Named after the file, like readFixtures' own errors (the entry's message never holds a key).
    throw new FakeGatewayError(`--fixtures ${options.fixtures}: ${error.message}`, {
      code: 'ERR_FAKE_CLI',
      field: '--fixtures',
      cause: error,
    });
  }
}

async function listen(options: CliOptions, gateway: FakeGatewayCore): Promise<FakeGatewayServer> {
  try {
    return await startFakeGatewayServer({ port: options.port, host: options.host, gateway });
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw cause;
    const why: Record<string, string> = {
      EADDRINUSE: 'the port is in use; pick another --port, or --port 0 for any free one',
      EACCES: 'permission denied; ports below 1024 need privileges, pick another --port',
      EADDRNOTAVAIL: 'this machine has no such address; try --host 127.0.0.1',
      ENOTFOUND: 'no such host; try --host 127.0.0.1',
    };
    throw new FakeGatewayError(
      `cannot listen on ${options.host}:${options.port}: ${why[code] ?? code} (${code})`,
      { code: 'ERR_FAKE_CLI', field: '--port', cause },
    );
  }
}
