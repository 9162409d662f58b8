import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coreRegistry } from '../src/coreRegistry.js';
import { createGatewayCore } from '../src/createGatewayCore.js';
import { createFakeGateway, demoFixtures } from '../src/index.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Runs test/fixtures/coreChild.ts with every import of msw failing; resolves with its output. */
function runWithoutMsw(module: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      here('./fixtures/blockMsw.mjs'),
      here('./fixtures/coreChild.ts'),
      here(module),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

describe('createGatewayCore: the fake without msw', () => {
  it('answers a signed request in a process where importing msw fails', async () => {
    const { code, out, err } = await runWithoutMsw('../src/createGatewayCore.ts');
    expect(err).toBe('');
    expect(code).toBe(0);
    const { body, vouchers } = JSON.parse(out) as { body: string; vouchers: number };
    expect(JSON.parse(body).alipay_marketing_voucher_send_response).toMatchObject({ code: '10000' });
    expect(vouchers).toBe(1);
  });

  it('(control) createFakeGateway, which adds the MSW handlers, does import msw', async () => {
    const { code, err } = await runWithoutMsw('../src/createFakeGateway.ts');
    expect(code).not.toBe(0);
    expect(err).toContain('msw imported: msw/core/http');
  });

  it('has every member of a gateway but handlers, and the raw entry the server uses', () => {
    const core = createGatewayCore({ fixtures: demoFixtures });
    const full = createFakeGateway({ fixtures: demoFixtures });
    expect(Object.keys(core).sort()).toEqual(
      Object.keys(full)
        .filter((k) => k !== 'handlers')
        .sort(),
    );
    expect(coreRegistry.get(core)).toBeTypeOf('function');
    expect(coreRegistry.get(full)).toBeTypeOf('function');
  });
});
