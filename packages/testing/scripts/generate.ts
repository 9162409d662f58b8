/**
 * Generates src/control/controlApi.gen.ts from spec/aopkit-fake-control.yaml (openapi-typescript).
 *   tsx scripts/generate.ts           write the file if it changed
 *   tsx scripts/generate.ts --check   write nothing; exit 1 when the file differs from a fresh generation
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const SPEC = new URL('../../../spec/aopkit-fake-control.yaml', import.meta.url);
const OUT = fileURLToPath(new URL('../src/control/controlApi.gen.ts', import.meta.url));
const NAME = 'packages/testing/src/control/controlApi.gen.ts';
const HEADER = `// This file is generated from spec/aopkit-fake-control.yaml by packages/testing/scripts/generate.ts.
// Do not edit it by hand: change the spec, then run \`pnpm --filter @aopkit/testing generate\`.
`;

const body = astToString(await openapiTS(SPEC, { silent: true }));
const content = `${HEADER}\n${body.trimEnd()}\n`;
const current = await readFile(OUT, 'utf8').catch(() => undefined);

if (current === content) {
  console.log(`up to date: ${NAME}`);
} else if (process.argv.includes('--check')) {
  console.error(`Out of date with the spec: ${NAME}`);
  console.error('Run `pnpm --filter @aopkit/testing generate` and commit the result.');
  process.exitCode = 1;
} else {
  await writeFile(OUT, content);
  console.log(`generated: ${NAME}`);
}
