import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { type FakeGatewayServer, startFakeGatewayServer } from '@aopkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('README', () => {
  it('its usage example runs against the fake gateway', { timeout: 30_000 }, async () => {
    const readme = await readFile(new URL('README.md', root), 'utf8');
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(1);
    const code = blocks[0]!.replace("from '@aopkit/client'", "from './src/index.ts'");
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
          ALIPAY_GATEWAY: server.url,
        },
      },
    );
    const [voucher] = server.gateway.vouchers;
    expect(stdout.trim()).toBe(`voucher ${voucher!.voucher_id} sent to 2088302001456115`);
    expect(voucher).toMatchObject({ out_biz_no: 'campaign-2024-0001', memo: '新年快乐' });
  });
});
