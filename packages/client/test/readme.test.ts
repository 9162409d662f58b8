import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { type FakeGatewayServer, startFakeGatewayServer } from '@aopkit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, fakeGateway } from './helpers/fakeSetup.js';
import { testKeys } from './helpers/keys.js';

const run = promisify(execFile);
const root = new URL('..', import.meta.url);

let server: FakeGatewayServer;
beforeAll(async () => {
  const gateway = fakeGateway({
    fixtures: {
      templates: [{ template_id: '20140601000730010040000000EB' }],
      users: [{ user_id: '2088302001456115' }],
    },
  });
  server = await startFakeGatewayServer({ port: 0, gateway });
});
afterAll(() => server.close());
beforeEach(() => server.gateway.reset());

const readme = () => readFile(new URL('README.md', root), 'utf8');
const tsBlocks = (text: string) => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** Runs a README block as its reader would, with the package in place of '@aopkit/client'. */
async function runBlock(block: string): Promise<string> {
  const code = block.replaceAll("from '@aopkit/client'", "from './src/index.ts'");
  // tsx's CLI (not its --import hook) transforms --eval input as TypeScript.
  const { stdout } = await run(
    new URL('node_modules/.bin/tsx', root).pathname,
    ['--input-type=module', '--eval', code],
    {
      cwd: root.pathname,
      env: {
        ...process.env,
        ALIPAY_APP_ID: APP_ID,
        ALIPAY_PRIVATE_KEY: testKeys().app.privateKey,
        ALIPAY_PUBLIC_KEY: server.gateway.alipayPublicKey,
        APP_PUBLIC_KEY: testKeys().app.publicKey,
        ALIPAY_GATEWAY: server.url,
      },
    },
  );
  return stdout;
}

describe('README', () => {
  it('its usage example runs against the fake gateway', { timeout: 30_000 }, async () => {
    const [usage] = tsBlocks((await readme()).split('## Mistakes it catches')[0]!);
    const stdout = await runBlock(usage!);
    const [voucher] = server.gateway.vouchers;
    expect(stdout.trim()).toBe(`voucher ${voucher!.voucher_id} sent to 2088302001456115`);
    expect(voucher).toMatchObject({ out_biz_no: 'campaign-2024-0001', memo: '新年快乐' });
  });

  it('each "Mistakes it catches" example prints what it says it prints', { timeout: 60_000 }, async () => {
    const section = (await readme()).split('## Mistakes it catches')[1]!.split('\n## ')[0]!;
    const blocks = tsBlocks(section);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      server.gateway.reset();
      // The example that sends: its first request issues, then the connection drops.
      server.gateway.nextCall({ drop: 'after-issue' });
      const want = [...block.matchAll(/^\/\/ prints: (.*)$/gm)].map((m) => m[1]!);
      expect(want.length).toBeGreaterThan(0);
      const got = (await runBlock(block)).trim().split('\n');
      const issued = server.gateway.vouchers.map((v) => v.voucher_id);
      // A <placeholder> stands for the one voucher the fake issued: never a second one.
      const expected = want.map((line) => line.replace(/<the voucher_id [^>]*>/, () => issued.join(',')));
      expect(got).toEqual(expected);
      expect(issued.length).toBeLessThanOrEqual(1);
    }
  });
});
