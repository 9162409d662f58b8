/**
 * Generates src/control/controlApi.gen.ts from spec/aopkit-fake-control.yaml (openapi-typescript), and
 * src/console/assets.gen.ts, the console page bundled from src/console/page/ (esbuild).
 *   tsx scripts/generate.ts           write the files that changed
 *   tsx scripts/generate.ts --check   write nothing; exit 1 when a file differs from a fresh generation
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildConsoleHtml } from './buildConsole.js';

const SPEC = new URL('../../../spec/aopkit-fake-control.yaml', import.meta.url);

async function controlApi(): Promise<string> {
  const header = `// This file is generated from spec/aopkit-fake-control.yaml by packages/testing/scripts/generate.ts.
// Do not edit it by hand: change the spec, then run \`pnpm --filter @aopkit/testing generate\`.
`;
  const body = astToString(await openapiTS(SPEC, { silent: true }));
  return `${header}\n${body.trimEnd()}\n`;
}

async function consoleAssets(): Promise<string> {
  const html = await buildConsoleHtml();
  const bytes = Buffer.byteLength(html);
  return `// This file is generated from src/console/page/ by packages/testing/scripts/generate.ts.
// Do not edit it by hand: change the page, then run \`pnpm --filter @aopkit/testing generate\`.

/** The console page, script and style inlined: ${bytes} bytes. */
export const CONSOLE_HTML: string = ${JSON.stringify(html)};
`;
}

const outputs = [
  { name: 'packages/testing/src/control/controlApi.gen.ts', make: controlApi },
  { name: 'packages/testing/src/console/assets.gen.ts', make: consoleAssets },
];

for (const { name, make } of outputs) {
  const out = fileURLToPath(new URL(`../${name.replace('packages/testing/', '')}`, import.meta.url));
  const content = await make();
  const current = await readFile(out, 'utf8').catch(() => undefined);
  if (current === content) {
    console.log(`up to date: ${name}`);
  } else if (process.argv.includes('--check')) {
    console.error(`Out of date with its source: ${name}`);
    console.error('Run `pnpm --filter @aopkit/testing generate` and commit the result.');
    process.exitCode = 1;
  } else {
    await writeFile(out, content);
    console.log(`generated: ${name}`);
  }
}
