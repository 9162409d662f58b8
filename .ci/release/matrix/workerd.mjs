// Host side of the workerd runs, on the host's Node: bundles a worker with esbuild, serves the fake
// gateway (@aopkit/testing) on 127.0.0.1, runs the worker in workerd through Miniflare, and for
// worker.mjs checks that the fake issued the voucher the worker reported.
// Usage: node matrix/workerd.mjs worker.mjs|worker-testing.mjs [compatibility flag...]
import { fileURLToPath } from 'node:url';
import { createFakeGateway, startFakeGatewayServer } from '@aopkit/testing';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';

const [entry, ...flags] = process.argv.slice(2);
const label = `workerd${flags.length ? ` (${flags.join(',')})` : ''}`;
// With nodejs_compat, GBK is tried too: iconv-lite (the signer's GBK encoder, CommonJS) goes into the
// bundle, its `require('buffer')` mapped to workerd's node:buffer, as wrangler does for such workers.
const gbk = flags.includes('nodejs_compat');
const NODE_NAMES = { buffer: 'Buffer, SlowBuffer, kMaxLength, constants', string_decoder: 'StringDecoder' };
const nodeBuiltins = {
  name: 'node-builtins',
  setup(b) {
    b.onResolve({ filter: /^(buffer|string_decoder)$/ }, (a) => ({
      path: a.path,
      namespace: 'node-builtin',
    }));
    b.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (a) => ({
      contents: `export { ${NODE_NAMES[a.path]} } from 'node:${a.path}';`,
      loader: 'js',
    }));
  },
};
const bundle = await build({
  entryPoints: [fileURLToPath(new URL(`./${entry}`, import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  conditions: ['workerd', 'worker'],
  target: 'es2022',
  // Loaded lazily by the signer/client for GBK only; it needs Node's Buffer. Left out without nodejs_compat.
  external: gbk ? ['node:*'] : ['iconv-lite'],
  plugins: gbk ? [nodeBuiltins] : [],
  write: false,
  logLevel: 'warning',
});

const gateway = createFakeGateway({ seed: 5 });
const app = gateway.registerApp();
gateway.addTemplate({ template_id: 'T-WORKER' });
gateway.addUser({ user_id: '2088102122524333' });
const server = await startFakeGatewayServer({ port: 0, gateway });
const mf = new Miniflare({
  modules: [{ type: 'ESModule', path: 'worker.mjs', contents: bundle.outputFiles[0].text }],
  compatibilityDate: '2026-04-01',
  compatibilityFlags: flags,
  bindings: {
    APP_ID: app.appId,
    APP_PRIVATE_KEY: app.privateKey,
    ALIPAY_PUBLIC_KEY: gateway.alipayPublicKey,
    GATEWAY_URL: server.url,
    ...(gbk ? { GBK: '1' } : {}),
  },
});
let exitCode = 1;
try {
  const out = await (await mf.dispatchFetch('http://worker.local/')).json();
  for (const line of out.steps) console.log(`${label}: ${line}`);
  if (!out.ok) throw new Error(`worker failed: ${out.error}`);
  if (entry === 'worker.mjs') {
    const issued = gateway.vouchers.map((v) => v.voucher_id);
    if (JSON.stringify(issued) !== JSON.stringify(out.voucher_ids)) {
      throw new Error(
        `the fake issued ${JSON.stringify(issued)}, the worker got ${JSON.stringify(out.voucher_ids)}`,
      );
    }
    // The fake decoded the worker's GBK form: the memo arrived intact.
    const memo = gateway.vouchers[1]?.memo;
    if (gbk && memo !== '六一红包')
      throw new Error(`the GBK voucher's memo arrived as ${JSON.stringify(memo)}`);
    console.log(`the host's fake issued ${issued.join(', ')}`);
  }
  console.log(`bundle ${(bundle.outputFiles[0].contents.byteLength / 1024).toFixed(1)} KiB`);
  exitCode = 0;
} catch (error) {
  console.error(error.message);
} finally {
  await mf.dispose().catch(() => {});
  await server.close();
}
process.exit(exitCode);
