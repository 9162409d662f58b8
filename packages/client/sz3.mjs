import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ entryPoints: ['dist/index.js'], bundle: true, minify: true, format: 'esm', write: false, platform: 'neutral', external: ['iconv-lite', './javaEncoders*', './failureDiagnostics*'], mainFields: ['module','main'], conditions: ['import'], outdir: '/tmp/szout3'});
console.log(gzipSync(r.outputFiles[0].contents).length);
