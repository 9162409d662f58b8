import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

// Every ```ts block of the README is a program: extract it and run it (assertions inside).
const readmeUrl = new URL('../README.md', import.meta.url);
const outDir = new URL('../.vitest/readme/', import.meta.url);
const blocks = [...(await readFile(readmeUrl, 'utf8')).matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(2));

  it.each(blocks.map((code, i) => [i + 1, code] as const))('example %i runs', async (n, code) => {
    await mkdir(outDir, { recursive: true });
    const file = new URL(`example-${n}.ts`, outDir);
    await writeFile(file, code);
    await import(/* @vite-ignore */ file.href);
  });
});
