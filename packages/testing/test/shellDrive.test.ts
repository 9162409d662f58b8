import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { demoFixtures } from '../src/demoFixtures.js';

// test/shell/drive-with-curl.sh drives the CLI with bash, curl, openssl and jq only, as a user of
// another language would. Run here so it counts; its transcript is the failure message.
const SCRIPT = fileURLToPath(new URL('./shell/drive-with-curl.sh', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function runScript(env: Record<string, string> = {}): Promise<{ code: number | null; transcript: string }> {
  const child = spawn('bash', [SCRIPT], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FAKE_GATEWAY_CMD: `${process.execPath} --import tsx ${CLI}`, ...env },
  });
  let transcript = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (transcript += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (transcript += c));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, transcript })));
}

describe('driving the CLI with curl and openssl only', { timeout: 60_000 }, () => {
  it('signs by hand, sends a voucher, scripts a fault and sees it, reads the vouchers, resets', async () => {
    const { code, transcript } = await runScript();
    expect(transcript, transcript).toContain('all 16 checks passed');
    expect(code, transcript).toBe(0);
    expect(transcript).toContain(
      'ok: answer signature (openssl dgst -sha256 -verify alipay-public-key.pem) = Verified OK',
    );
    expect(transcript).toContain('ok: sub_code = SYSTEM_ERROR');
  });

  it('(control) a mismatch fails the script: a fake without the template it sends', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aopkit-shell-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const fixtures = join(dir, 'fixtures.json');
    await writeFile(fixtures, JSON.stringify({ ...demoFixtures, templates: [] }));
    const { code, transcript } = await runScript({ FAKE_GATEWAY_ARGS: `--fixtures ${fixtures}` });
    expect(code, transcript).toBe(1);
    expect(transcript).toContain("FAIL: code: expected '10000', got '40004'");
    expect(transcript).not.toContain('checks passed');
  });
});
