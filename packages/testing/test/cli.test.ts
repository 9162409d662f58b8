import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { parseCliArgs } from '../src/cli/parseCliArgs.js';
import { demoFixtures } from '../src/index.js';
import { buildRequest } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';
import { okBiz } from './helpers/setup.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

/** A scratch directory for the running test, removed when it finishes. */
async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aopkit-cli-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the CLI from source (tsx) and resolves with its output once the banner is complete. */
function startCli(args: string[]): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('Press Ctrl+C to stop.\n')) resolve({ child, banner: out });
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`cli exited ${code}: ${out}`)));
  });
}

function runCli(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** What a client needs, read back from the banner. */
function parseBanner(banner: string) {
  const pem = (label: string) =>
    /-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/.exec(banner.slice(banner.indexOf(label)))![0];
  return {
    url: /gateway URL: (\S+)/.exec(banner)![1]!,
    appId: /app_id: +(\d+)/.exec(banner)![1]!,
    privateKey: pem('App private key'),
    alipayPublicKey: pem('Alipay public key'),
  };
}

// Each CLI run starts node + tsx: the --help test (four runs) took 20 s with the whole `pnpm test`
// pinned to one core. A hang guard, not a speed target.
describe('aopkit-fake-gateway CLI', { timeout: 60_000 }, () => {
  it('prints what a client needs (saying the keys are fake), and serves it', async () => {
    const { child, banner } = await startCli(['--port', '0', '--seed', '3']);
    expect(banner).toContain('FAKE TEST KEYS');
    expect(banner).toContain('TPL_VOUCHER_EXPIRED (voucher, expired)');
    const { url, appId, privateKey, alipayPublicKey } = parseBanner(banner);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/gateway\.do$/);
    const response = await fetch(
      await buildRequest({ app: { appId, privateKey }, biz: okBiz('cli-1'), url }),
    );
    const answer = await readAnswer(response, { alipayPublicKey });
    expect(answer).toMatchObject({ verified: true, node: { code: '10000' } });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('--fixtures without an app: generates one and prints its fresh key', async () => {
    const dir = await scratchDir();
    const file = join(dir, 'fixtures.json');
    await writeFile(file, JSON.stringify({ templates: demoFixtures.templates, users: demoFixtures.users }));
    const { banner } = await startCli(['--port', '0', '--fixtures', file, '--quiet']);
    const { url, appId, privateKey, alipayPublicKey } = parseBanner(banner);
    const response = await fetch(
      await buildRequest({ app: { appId, privateKey }, biz: okBiz('cli-2'), url }),
    );
    expect((await readAnswer(response, { alipayPublicKey })).node.code).toBe('10000');
  });

  it('--help, and errors exit 2 with a reason', async () => {
    const help = await runCli(['--help']);
    expect(help).toMatchObject({ code: 0, out: expect.stringContaining('Usage: aopkit-fake-gateway') });
    const bad = await runCli(['--fault-rate', '2']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('--fault-rate must be a number between 0 and 1');
    expect(bad.out).not.toMatch(/\n\s+at /); // a typed message, no stack trace
    const missing = await runCli(['--fixtures', '/nonexistent/fixtures.json']);
    expect(missing).toMatchObject({ code: 2, out: expect.stringContaining('cannot read it as JSON') });
    // A malformed AES key is named, never printed.
    const dir = await scratchDir();
    const file = join(dir, 'fixtures.json');
    const app = { ...demoFixtures.apps[0], encryptKey: 'my-secret-aes-key' };
    await writeFile(file, JSON.stringify({ apps: [app] }));
    const badKey = await runCli(['--fixtures', file]);
    expect(badKey).toMatchObject({ code: 2, out: expect.stringContaining('encryptKey must be the base64') });
    expect(badKey.out).not.toContain('my-secret-aes-key');
  });

  it('--fixtures entries are checked and named: an app key, a null entry, a template type', async () => {
    const dir = await scratchDir();
    const run = async (name: string, fixtures: unknown) => {
      const file = join(dir, name);
      await writeFile(file, JSON.stringify(fixtures));
      const result = await runCli(['--port', '0', '--fixtures', file]);
      expect(result.code).toBe(2);
      return result.out;
    };
    // A bad app public key names the app and its field (not the Alipay key), never the key itself.
    const badKey = await run('bad-key.json', { apps: [{ appId: '2021000000000042', publicKey: 'notakey' }] });
    expect(badKey).toContain('app 2021000000000042: publicKey is neither PEM nor bare base64');
    expect(badKey).not.toContain('alipayPublicKey');
    expect(badKey).not.toContain('notakey');
    // A null or non-object entry: named by its place, not a TypeError from deep inside.
    const nullApp = await run('null-app.json', { apps: [null] });
    expect(nullApp).toContain('apps[0] must be an object, not null');
    expect(nullApp).not.toContain('Cannot read properties');
    const badUser = await run('bad-user.json', { users: [demoFixtures.users[0], 'a string'] });
    expect(badUser).toContain('users[1] must be an object, not a string');
    expect(badUser).not.toContain('a string"');
    // A template type the fake does not know: refused with the allowed values.
    const typo = await run('typo.json', { templates: [{ template_id: 'T', type: 'red-packet' }] });
    expect(typo).toContain(
      'templates[0]: template "T": type must be one of voucher, red_packet (got "red-packet")',
    );
  });

  it('parses its options', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      port: 8080,
      host: '127.0.0.1',
      seed: 1,
      faultRate: 0,
      json: false,
      quiet: false,
    });
    expect(parseCliArgs(['--port', '0', '--fault-rate', '0.1', '--latency-ms', '5', '-h'])).toMatchObject({
      port: 0,
      faultRate: 0.1,
      latencyMs: 5,
      help: true,
    });
    expect(() => parseCliArgs(['--port', 'x'])).toThrow('--port must be a number');
    expect(() => parseCliArgs(['--nope'])).toThrow();
  });
});
