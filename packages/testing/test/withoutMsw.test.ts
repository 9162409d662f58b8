import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixtures } from '../src/demoFixtures.js';
import { DEMO_APP_KEYS } from '../src/keys/demoKeys.js';
import { okBiz } from './helpers/app.js';
import { buildRequest } from './helpers/buildRequest.js';

// The CLI and @aopkit/testing/server must run where msw is not installed. Checked on a fresh build of
// the package (tsdown, as `pnpm build` runs it), twice: the imports of the built files, followed from
// each entry; and the built CLI and server entry run with every import of msw failing.
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const BLOCK_MSW = fileURLToPath(new URL('./fixtures/blockMsw.mjs', import.meta.url));
let out: string;

beforeAll(async () => {
  // Inside the package, so that the built files resolve @aopkit/signer and @aopkit/types as installed.
  out = await mkdtemp(join(PACKAGE, 'node_modules', '.aopkit-build-'));
  const tsdown = join(PACKAGE, 'node_modules', '.bin', 'tsdown');
  await promisify(execFile)(tsdown, ['--out-dir', out, '--no-dts'], { cwd: PACKAGE });
}, 120_000);
afterAll(() => rm(out, { recursive: true, force: true }));

const IMPORT =
  /(?:^|[;\s])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;

/** Every bare specifier a built file imports, following its relative imports (the shared chunks). */
async function externalImports(entry: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(file, 'utf8');
    for (const match of code.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? match[4]!;
      if (specifier.startsWith('.')) await visit(resolve(dirname(file), specifier));
      else external.add(specifier);
    }
  };
  await visit(join(out, entry));
  return external;
}

describe('without msw', () => {
  it.each(['cli.js', 'server.js', 'server.cjs'])(
    'the built %s imports only node:*, @aopkit/signer and @aopkit/types',
    async (entry) => {
      const imports = [...(await externalImports(entry))];
      expect(imports.length).toBeGreaterThan(0);
      for (const specifier of imports) expect(specifier).toMatch(/^(node:[a-z/_]+|@aopkit\/(signer|types))$/);
    },
  );

  it('(control) the built index.js, which has the MSW handlers, does import msw', async () => {
    expect(await externalImports('index.js')).toContain('msw/core/http');
    expect(await externalImports('index.cjs')).toContain('msw/core/http');
  });

  it('the built CLI serves a voucher and its control API with every import of msw failing', async () => {
    const child = spawn(
      process.execPath,
      ['--import', BLOCK_MSW, join(out, 'cli.js'), '--port', '0', '--json'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const banner = await new Promise<{ url: string; controlUrl: string; appId: string }>(
      (resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          stdout += c;
          if (stdout.includes('\n')) resolve(JSON.parse(stdout.split('\n')[0]!));
        });
        exited.then((code) => reject(new Error(`cli exited ${code}: ${stderr}`)));
      },
    );
    try {
      const app = { appId: banner.appId, privateKey: DEMO_APP_KEYS.privateKey };
      const res = await fetch(await buildRequest({ app, biz: okBiz('no-msw-1'), url: banner.url }));
      expect(JSON.parse(await res.text()).alipay_marketing_voucher_send_response.code).toBe('10000');
      const vouchers = await (await fetch(`${banner.controlUrl}vouchers`)).json();
      expect(vouchers.vouchers).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('the built @aopkit/testing/server starts a server with every import of msw failing', async () => {
    const program = `
      const { startFakeGatewayServer, demoFixtures } = await import(${JSON.stringify(join(out, 'server.js'))});
      const server = await startFakeGatewayServer({ gatewayOptions: { fixtures: demoFixtures } });
      const health = await (await fetch(server.controlUrl + 'health')).json();
      const templates = await (await fetch(server.controlUrl + 'templates')).json();
      await server.close();
      console.log(JSON.stringify({ ok: health.ok, templates: templates.templates.length }));`;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      '--import',
      BLOCK_MSW,
      '--input-type=module',
      '--eval',
      program,
    ]);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({ ok: true, templates: demoFixtures.templates.length });
  });
});
