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
const bundle = await build({
  entryPoints: [fileURLToPath(new URL(`./${entry}`, import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  conditions: ['workerd', 'worker'],
  target: 'es2022',
  // Loaded lazily by the signer/client for GBK only; it needs Node's Buffer. Left out of the bundle.
  external: ['iconv-lite'],
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
  },
});
let exitCode = 1;
try {
  const out = await (await mf.dispatchFetch('http://worker.local/')).json();
  for (const line of out.steps) console.log(`${label}: ${line}`);
  if (!out.ok) throw new Error(`worker failed: ${out.error}`);
  if (entry === 'worker.mjs') {
    const issued = gateway.vouchers.map((v) => v.voucher_id);
    if (issued.length !== 1 || issued[0] !== out.voucher_id) {
      throw new Error(`the fake issued ${JSON.stringify(issued)}, the worker got ${out.voucher_id}`);
    }
    console.log(`the host's fake issued ${issued[0]}`);
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
