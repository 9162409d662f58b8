import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeGateway } from '@aopkit/testing';
import { onTestFinished } from 'vitest';
import { main, type Output } from '../src/main';

type FakeOptions = NonNullable<Parameters<typeof createFakeGateway>[0]>;

/** Collects what the CLI writes. */
export function collector(): Output & { text: () => string } {
  const chunks: string[] = [];
  return { write: (s: string) => chunks.push(s), text: () => chunks.join('') };
}

/** A scratch directory for the running test, removed when it finishes. */
export function tempDir(prefix = 'campaign-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeCsv(dir: string, lines: string[]): string {
  const path = join(dir, 'recipients.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

export const TEMPLATE = 'T_SPRING_2026';
export const RED_PACKET = 'T_RED_PACKET';
export const EXPIRED = 'T_EXPIRED';

/** A fake gateway with templates and users, and an app registered on it. */
export function fakeWithApp(options: { faults?: FakeOptions['faults']; seed?: number } = {}) {
  const gateway = createFakeGateway({
    seed: options.seed ?? 1,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  gateway.addTemplate({ template_id: TEMPLATE, type: 'voucher' });
  gateway.addTemplate({ template_id: RED_PACKET, type: 'red_packet' });
  gateway.addTemplate({ template_id: EXPIRED, type: 'voucher', expired: true });
  for (let n = 1; n <= 30; n++)
    gateway.addUser({ user_id: userId(n), login_id: `1390000${String(n).padStart(4, '0')}` });
  gateway.addUser({ user_id: '2088999999999999', taobao_nick: 'frozen_nick', frozen: true });
  const app = gateway.registerApp();
  const env = {
    ALIPAY_APP_ID: app.appId,
    ALIPAY_PRIVATE_KEY: app.privateKey ?? '',
    ALIPAY_PUBLIC_KEY: gateway.alipayPublicKey,
  };
  return { gateway, app, env };
}

export function userId(n: number): string {
  return `2088${String(n).padStart(12, '0')}`;
}

/** Runs the CLI in this process (MSW intercepts its fetch); returns the exit code and output. */
export async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const stdout = collector();
  const stderr = collector();
  const code = await main(argv, { stdout, stderr, env });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
