import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { generateFiles, HEADER } from '../scripts/generateFiles';

it('the committed .gen.ts files are exactly what the spec generates today', async () => {
  const files = await generateFiles();
  expect(files.map((file) => basename(file.path))).toEqual(['openapi.gen.ts', 'facts.gen.ts']);
  for (const file of files) {
    expect(file.content.startsWith(HEADER), `${file.path} header`).toBe(true);
    const onDisk = await readFile(file.path, 'utf8');
    // On failure: run `pnpm --filter @aopkit/types generate` and commit the result.
    expect(onDisk === file.content, `${basename(file.path)} is out of date with the spec`).toBe(true);
  }
});
