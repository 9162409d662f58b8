/**
 * Generates src/openapi.gen.ts and src/facts.gen.ts from spec/alipay.marketing.voucher.send.yaml.
 *   tsx scripts/generate.ts           write the files that changed
 *   tsx scripts/generate.ts --check   write nothing; exit 1 naming every file that differs from a fresh generation
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFiles } from './generateFiles';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const check = process.argv.includes('--check');

async function current(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

const stale: string[] = [];
for (const file of await generateFiles()) {
  const name = relative(ROOT, file.path);
  if ((await current(file.path)) === file.content) {
    console.log(`up to date: ${name}`);
  } else if (check) {
    stale.push(name);
  } else {
    await writeFile(file.path, file.content);
    console.log(`generated: ${name}`);
  }
}

if (stale.length > 0) {
  console.error(`Out of date with the spec: ${stale.join(', ')}`);
  console.error('Run `pnpm --filter @aopkit/types generate` and commit the result.');
  process.exitCode = 1;
}
