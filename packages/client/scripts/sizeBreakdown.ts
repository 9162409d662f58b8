// Where the client's bundle weight comes from: `pnpm size:why` (after `pnpm build`). Bundles
// dist/index.js as size-limit does (esbuild, minified, what loads lazily excluded: iconv-lite, the
// signer's Java charset chunk and the failure diagnostics chunk), then prints each
// package's minified bytes and its marginal gzip cost: the bundle's gzip size minus that of the
// same bundle with the package left out. Marginal costs do not add up to the total exactly, as
// gzip shares repeated text across packages.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const PACKAGES = ['@aopkit/signer', '@aopkit/types', 'openapi-fetch'] as const;

async function bundle(external: string[]) {
  const result = await build({
    entryPoints: [new URL('../dist/index.js', import.meta.url).pathname],
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    external: ['iconv-lite', './javaEncoders*', './failureDiagnostics*', ...external],
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  return { gzip: gzipSync(output.contents, { level: 9 }).length, inputs };
}

const packageOf = (path: string) =>
  path.includes('openapi-fetch')
    ? 'openapi-fetch'
    : path.startsWith('../signer/')
      ? '@aopkit/signer'
      : path.startsWith('../types/')
        ? '@aopkit/types'
        : '@aopkit/client';

const whole = await bundle([]);
const minified = new Map<string, number>();
for (const [path, { bytesInOutput }] of Object.entries(whole.inputs)) {
  const name = packageOf(path);
  minified.set(name, (minified.get(name) ?? 0) + bytesInOutput);
}
const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`.padStart(9);
console.log(`${'package'.padEnd(16)} ${'minified'.padStart(9)} ${'gzip, marginal'.padStart(15)}`);
let others = 0;
for (const name of PACKAGES) {
  const marginal = whole.gzip - (await bundle([name])).gzip;
  others += marginal;
  console.log(`${name.padEnd(16)} ${kB(minified.get(name) ?? 0)} ${kB(marginal).padStart(15)}`);
}
console.log(
  `${'@aopkit/client'.padEnd(16)} ${kB(minified.get('@aopkit/client') ?? 0)} ${kB(whole.gzip - others).padStart(15)}  (the rest)`,
);
console.log(
  `${'total'.padEnd(16)} ${kB([...minified.values()].reduce((a, b) => a + b, 0))} ${kB(whole.gzip).padStart(15)}`,
);
