import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalize, formatTimestamp } from '@aopkit/signer';
import { describe, expect, it, onTestFinished } from 'vitest';
import { main } from '../src/cli/main.js';
import { USAGE } from '../src/cli/parseCliArgs.js';
import { demoFixtures } from '../src/demoFixtures.js';
import { DEMO_ALIPAY_KEYS, DEMO_APP_KEYS } from '../src/keys/demoKeys.js';
import { okBiz } from './helpers/app.js';
import { type BuildOptions, requestFromParams, signedParams } from './helpers/buildRequest.js';
import { readAnswer } from './helpers/readAnswer.js';

/** A collecting stream, and a promise for the moment its text first matches. */
function collector() {
  let text = '';
  const waiters: { test: (t: string) => boolean; resolve: () => void }[] = [];
  return {
    write(chunk: string) {
      text += chunk;
      for (const w of [...waiters]) if (w.test(text)) w.resolve();
    },
    get text() {
      return text;
    },
    until(test: (t: string) => boolean): Promise<void> {
      if (test(text)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
  };
}

/** Runs main() in-process until the banner is out; `stop()` aborts it and resolves with the exit code. */
async function startMain(argv: string[]) {
  const stdout = collector();
  const stderr = collector();
  const abort = new AbortController();
  const exited = main(argv, { stdout, stderr, signal: abort.signal });
  let code: number | undefined;
  const stop = async () => {
    abort.abort();
    code ??= await exited;
    return code;
  };
  onTestFinished(async () => {
    await stop();
  });
  const json = argv.includes('--json');
  await Promise.race([
    stdout.until((t) => (json ? t.includes('\n') : t.includes('Press Ctrl+C to stop.\n'))),
    exited.then((c) => {
      throw new Error(`main exited ${c} before listening: ${stderr.text}`);
    }),
  ]);
  return { stdout, stderr, stop };
}

/** Runs main() for a command that ends by itself (help, errors). */
async function runMain(argv: string[]) {
  const stdout = collector();
  const stderr = collector();
  const code = await main(argv, { stdout, stderr, signal: new AbortController().signal });
  return { code, out: stdout.text, err: stderr.text };
}

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aopkit-cli-main-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function post(url: string, options: Omit<BuildOptions, 'url'>) {
  const params = await signedParams(options);
  return { params, response: await fetch(requestFromParams(params, { url })) };
}

describe('CLI main(argv, io), in-process', () => {
  it('--json: the banner is one JSON object, then one JSON line per request', async () => {
    const { stdout, stop } = await startMain(['--port', '0', '--json']);
    const banner = JSON.parse(stdout.text.split('\n')[0]!);
    expect(banner).toMatchObject({
      event: 'listening',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/gateway\.do$/),
      controlUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__aopkit\/$/),
      consoleUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__aopkit\/console$/),
      appId: demoFixtures.apps[0].appId,
      signType: 'RSA2',
      appPrivateKey: DEMO_APP_KEYS.privateKey,
      alipayPublicKey: expect.stringContaining('BEGIN PUBLIC KEY'),
      otherApps: [{ appId: demoFixtures.apps[1].appId, signType: 'RSA2', certificateMode: true }],
    });
    expect(banner.templates).toEqual(demoFixtures.templates);
    expect(banner.keyFiles).toBeUndefined();

    const app = { appId: banner.appId, privateKey: banner.appPrivateKey };
    const { response } = await post(banner.url, { app, biz: okBiz('json-1') });
    const answer = await readAnswer(response, { alipayPublicKey: banner.alipayPublicKey });
    expect(answer).toMatchObject({ verified: true, node: { code: '10000' } });
    await stdout.until((t) => t.split('\n').length > 2);
    const line = JSON.parse(stdout.text.split('\n')[1]!);
    expect(line).toMatchObject({
      event: 'request',
      seq: 1,
      app_id: app.appId,
      code: '10000',
      voucher_id: answer.node.voucher_id,
    });
    expect(await stop()).toBe(0);
  });

  it('--keys-dir: PKCS#8 PEM and bare base64 private key, PEM and base64 public keys, that work', async () => {
    const dir = join(await scratchDir(), 'keys');
    const { stdout } = await startMain(['--port', '0', '--json', '--keys-dir', dir]);
    const banner = JSON.parse(stdout.text.split('\n')[0]!);
    const file = (name: string) => join(dir, name);
    expect(banner.keyFiles).toEqual({
      appPrivateKeyPem: file('app-private-key.pem'),
      appPrivateKeyBase64: file('app-private-key.txt'),
      appPublicKeyPem: file('app-public-key.pem'),
      alipayPublicKeyPem: file('alipay-public-key.pem'),
      alipayPublicKeyBase64: file('alipay-public-key.txt'),
    });
    const read = (name: string) => readFile(file(name), 'utf8');
    const pem = await read('app-private-key.pem');
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    const bare = await read('app-private-key.txt');
    expect(bare).toMatch(/^[A-Za-z0-9+/]+=*\n$/);
    // The bare form is the PEM's DER: the same key.
    const fromBare = createPrivateKey({ key: Buffer.from(bare, 'base64'), format: 'der', type: 'pkcs8' });
    expect(fromBare.export({ format: 'pem', type: 'pkcs8' })).toBe(pem);
    expect(createPrivateKey(DEMO_APP_KEYS.privateKey).export({ format: 'pem', type: 'pkcs8' })).toBe(pem);
    expect(createPublicKey(await read('app-public-key.pem')).export({ format: 'pem', type: 'spki' })).toBe(
      createPublicKey(DEMO_APP_KEYS.publicKey).export({ format: 'pem', type: 'spki' }),
    );
    const alipayBare = await read('alipay-public-key.txt');
    const alipay = createPublicKey({ key: Buffer.from(alipayBare, 'base64'), format: 'der', type: 'spki' });
    expect(alipay.export({ format: 'pem', type: 'spki' })).toBe(await read('alipay-public-key.pem'));
    expect(await read('alipay-public-key.pem')).toBe(
      createPublicKey(DEMO_ALIPAY_KEYS.publicKey).export({ format: 'pem', type: 'spki' }),
    );
    // Private keys are for the owner only.
    expect((await stat(file('app-private-key.pem'))).mode & 0o077).toBe(0);
    expect((await stat(file('app-private-key.txt'))).mode & 0o077).toBe(0);

    // Signed with the bare base64 key (as Java pastes it), verified with the bare Alipay key.
    const app = { appId: banner.appId, privateKey: bare.trim() };
    const { response } = await post(banner.url, { app, biz: okBiz('keys-1') });
    const answer = await readAnswer(response, { alipayPublicKey: alipayBare.trim() });
    expect(answer).toMatchObject({ verified: true, node: { code: '10000' } });
  });

  it('--keys-dir with no app in the fixtures: the generated key is written', async () => {
    const dir = await scratchDir();
    const fixtures = join(dir, 'fixtures.json');
    await writeFile(
      fixtures,
      JSON.stringify({ templates: demoFixtures.templates, users: demoFixtures.users }),
    );
    const { stdout } = await startMain(['--port', '0', '--json', '--fixtures', fixtures, '--keys-dir', dir]);
    const banner = JSON.parse(stdout.text.split('\n')[0]!);
    expect(await readFile(join(dir, 'app-private-key.pem'), 'utf8')).toBe(banner.appPrivateKey);
    expect(banner.appPrivateKey).not.toBe(DEMO_APP_KEYS.privateKey);
  });

  it('the text banner names the console, and the page is served there', async () => {
    const { stdout } = await startMain(['--port', '0']);
    const consoleUrl = /console: +(\S+) \(open it in a browser/.exec(stdout.text)?.[1];
    expect(consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__aopkit\/console$/);
    const page = await fetch(consoleUrl!);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>aopkit fake gateway — console</title>');
  });

  it('isv.invalid-signature: the log line shows the string the fake verified, tokens redacted', async () => {
    const { stdout } = await startMain(['--port', '0']);
    const url = /gateway URL: (\S+)/.exec(stdout.text)![1]!;
    const token = 'tok-SECRET-4242';
    const { params } = await post(url, {
      app: { appId: demoFixtures.apps[0].appId, privateKey: DEMO_APP_KEYS.privateKey },
      biz: okBiz('sig-1'),
      params: { app_auth_token: token },
      signWith: DEMO_ALIPAY_KEYS.privateKey, // the wrong key
    });
    await stdout.until((t) => t.includes('isv.invalid-signature'));
    await stdout.until((t) => t.trimEnd().endsWith('&version=1.0'));
    const log = stdout.text.slice(stdout.text.indexOf('Press Ctrl+C'));
    const expected = canonicalize({ ...params, app_auth_token: '[redacted]' });
    expect(log).toContain('40002 isv.invalid-signature');
    expect(log).toContain('the fake verified this string (sign_type RSA2, utf-8):');
    expect(log).toContain(`    ${expected}\n`);
    expect(log).not.toContain(token);
  });

  it('isv.invalid-timestamp: the log line shows the request timestamp against the fake’s Beijing clock', async () => {
    const { stdout } = await startMain(['--port', '0']);
    const url = /gateway URL: (\S+)/.exec(stdout.text)![1]!;
    const app = { appId: demoFixtures.apps[0].appId, privateKey: DEMO_APP_KEYS.privateKey };
    const at = new Date(Date.now() - 3600_000);
    const before = Date.now();
    await post(url, { app, biz: okBiz('ts-1'), at });
    await stdout.until((t) => t.includes('outside ±15 min'));
    const line =
      /timestamp (.+) vs the fake's clock (.+) \(both Beijing\): (\S+) behind, outside ±15 min/.exec(
        stdout.text,
      )!;
    expect(line[1]).toBe(formatTimestamp(at));
    const clock = line[2]!;
    expect([formatTimestamp(new Date(before)), formatTimestamp(new Date())]).toContain(clock);
    expect(line[3]).toMatch(/^(59m\d+s|1h0m\d+s)$/);

    await post(url, { app, biz: okBiz('ts-2'), params: { timestamp: '2026/09/11 10:00' } });
    await stdout.until((t) => t.includes('is not yyyy-MM-dd HH:mm:ss'));
    expect(stdout.text).toContain(
      `timestamp "2026/09/11 10:00" is not yyyy-MM-dd HH:mm:ss; the fake's clock:`,
    );
  });

  it('--quiet prints no request line', async () => {
    const { stdout, stop } = await startMain(['--port', '0', '--quiet']);
    const url = /gateway URL: (\S+)/.exec(stdout.text)![1]!;
    const app = { appId: demoFixtures.apps[0].appId, privateKey: DEMO_APP_KEYS.privateKey };
    await post(url, { app, biz: okBiz('q-1') });
    expect(await stop()).toBe(0);
    expect(stdout.text).not.toMatch(/#1 /);
  });

  it('--help prints the usage and exits 0', async () => {
    expect(await runMain(['--help'])).toEqual({ code: 0, out: USAGE, err: '' });
    expect(USAGE).toContain('--keys-dir <dir>');
    expect(USAGE).toContain('--json');
  });

  it('errors: one line naming the option, exit 2, no stack trace', async () => {
    const unknown = await runMain(['--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(
      'aopkit-fake-gateway: unknown option --nope; the options: --port, --host, --seed, --fixtures, --fault-rate, --latency-ms, --keys-dir, --json, --quiet, --help\nRun "aopkit-fake-gateway --help" for usage.\n',
    );
    const positional = await runMain(['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC']);
    expect(positional.err).toContain('unexpected argument: the CLI takes only options');
    expect(positional.err).not.toContain('MIIE');
    const range = await runMain(['--fault-rate', '2']);
    expect(range).toMatchObject({ code: 2, err: expect.stringContaining('--fault-rate must be a number') });
    for (const result of [unknown, positional, range]) expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('a port in use: exit 2 saying so', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const port = String((blocker.address() as { port: number }).port);
    const busy = await runMain(['--port', port]);
    expect(busy.code).toBe(2);
    expect(busy.err).toBe(
      `aopkit-fake-gateway: cannot listen on 127.0.0.1:${port}: the port is in use; pick another --port, or --port 0 for any free one (EADDRINUSE)\n`,
    );
  });

  it('--keys-dir that cannot be written, or a fixtures private key that is not a key: exit 2, no key echoed', async () => {
    const dir = await scratchDir();
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, '');
    const unwritable = await runMain(['--port', '0', '--keys-dir', join(blocker, 'keys')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.err).toContain(
      `--keys-dir ${join(blocker, 'keys')}: cannot write the key files (ENOTDIR)`,
    );

    const fixtures = join(dir, 'fixtures.json');
    const app = { ...demoFixtures.apps[0], privateKey: 'MIIsecretButBroken' };
    await writeFile(fixtures, JSON.stringify({ apps: [app] }));
    const broken = await runMain(['--port', '0', '--fixtures', fixtures, '--keys-dir', dir]);
    expect(broken.code).toBe(2);
    expect(broken.err).toBe(
      'aopkit-fake-gateway: --keys-dir: the app private key is not an RSA key in PEM or bare base64\n',
    );
  });
});
