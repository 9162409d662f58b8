// The bench's fake gateway in a process of its own (fakeServer.ts), with a fresh app key pair: the
// clients' CPU is then measured apart from the gateway's. End it with `child.stdin.end()`.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createInterface } from 'node:readline';

export interface BenchFake {
  readonly child: ChildProcess & { stdin: NonNullable<ChildProcess['stdin']> };
  readonly url: string;
  readonly alipayPublicKey: string;
  /** The app's private key (PKCS#8 PEM); the fake knows its public key. */
  readonly privateKey: string;
}

export async function startBenchFake(): Promise<BenchFake> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./fakeServer.ts', import.meta.url).pathname],
    { env: { ...process.env, BENCH_APP_PUBLIC_KEY: publicKey }, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  const { url, alipayPublicKey } = JSON.parse(first.value as string) as {
    url: string;
    alipayPublicKey: string;
  };
  return { child: child as BenchFake['child'], url, alipayPublicKey, privateKey };
}
