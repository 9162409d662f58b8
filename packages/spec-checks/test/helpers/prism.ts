import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const PRISM = fileURLToPath(new URL('../../node_modules/.bin/prism', import.meta.url));

/** A running Prism (the @stoplight/prism-cli binary, unmodified), with every line it logged. */
export interface Prism {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Everything Prism printed (shown when it fails to start). */
  readonly log: string[];
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
 * a response violation 500 with an `sl-violations` header) or `prism mock SPEC`.
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
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A fetch that records every answer that breaks the spec: one carrying Prism's `sl-violations` header
 * (with its status), and, given `checkAnswer`, one whose JSON text does not follow the answer schema.
 */
export function recordingFetch(seen: string[], checkAnswer?: (text: string) => string): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    // Prism lists a response violation in sl-violations; it refuses a request violation with a 422
    // problem+json body and no such header. The gateway itself answers everything with 200.
    const violations = response.headers.get('sl-violations');
    if (violations !== null) seen.push(`${response.status} ${violations}`);
    else if (response.status !== 200) seen.push(`${response.status} ${await response.clone().text()}`);
    const type = response.headers.get('content-type') ?? '';
    if (checkAnswer && /^text\/html/i.test(type)) {
      // Read in the charset the answer names (text/html;charset=gbk for a GBK request).
      const charset = /charset=([\w-]+)/i.exec(type)?.[1] ?? 'utf-8';
      const text = new TextDecoder(charset).decode(await response.clone().arrayBuffer());
      const problems = checkAnswer(text);
      if (problems !== '') seen.push(`answer: ${problems}`);
    }
    return response;
  };
}

export const SPEC = fileURLToPath(
  new URL('../../../../spec/alipay.marketing.voucher.send.yaml', import.meta.url),
);
