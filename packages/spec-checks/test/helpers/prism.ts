import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const PRISM = fileURLToPath(new URL('../../node_modules/.bin/prism', import.meta.url));

/** A running Prism (the @stoplight/prism-cli binary, unmodified), with every line it logged. */
export interface Prism {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Everything Prism printed: its validator logs each violation here too. */
  readonly log: string[];
  /** The lines of the log that report a request or response violation. */
  violations(): string[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts `prism proxy --errors SPEC UPSTREAM` (a validating proxy: a request violation is answered 422,
 * a response violation 500, each listed in an `sl-violations` header) or `prism mock SPEC`.
 */
export async function startPrism(
  args: { mode: 'proxy'; spec: string; upstream: string } | { mode: 'mock'; spec: string },
): Promise<Prism> {
  const port = await freePort();
  const argv =
    args.mode === 'proxy'
      ? ['proxy', '--errors', '-h', '127.0.0.1', '-p', String(port), args.spec, args.upstream]
      : ['mock', '--errors', '-h', '127.0.0.1', '-p', String(port), args.spec];
  const child: ChildProcess = spawn(PRISM, argv, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const log: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') log.push(line);
      if (log.some((line) => line.includes('Prism is listening'))) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`prism exited (${code}) before listening:\n${log.join('\n')}`)),
    );
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    violations: () => log.filter((line) => /violation/i.test(line)),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A fetch that records the `sl-violations` header and the status of every answer that carries one. */
export function recordingFetch(seen: string[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const violations = response.headers.get('sl-violations');
    if (violations !== null) seen.push(`${response.status} ${violations}`);
    return response;
  };
}

export const SPEC = fileURLToPath(
  new URL('../../../../spec/alipay.marketing.voucher.send.yaml', import.meta.url),
);
