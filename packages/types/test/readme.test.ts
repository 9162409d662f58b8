// Every ```ts block of the README, extracted: it must typecheck against the package's own types (the
// README is about types) and run, with '@aopkit/types' pointed at the source.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const SCRATCH = fileURLToPath(new URL('../.vitest/readme/', import.meta.url));
const blocks = [...readFileSync(README, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** The block as a module of its own, importing the source instead of the published name. */
function writeExample(n: number, code: string): string {
  mkdirSync(SCRATCH, { recursive: true });
  const file = `${SCRATCH}example-${n}.ts`;
  writeFileSync(file, `${code.replaceAll("from '@aopkit/types'", "from '../../src/index'")}\nexport {};\n`);
  return file;
}

function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noUncheckedIndexedAccess: true,
    noUnusedLocals: false,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
    noEmit: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('README examples', () => {
  it('has one', () => expect(blocks.length).toBeGreaterThanOrEqual(1));

  it.each(blocks.map((code, i) => [i + 1, code] as const))(
    'example %i typechecks and runs',
    { timeout: 30_000 },
    async (n, code) => {
      const file = writeExample(n, code);
      expect(typeErrors(file)).toEqual([]);
      await import(/* @vite-ignore */ file);
    },
  );
});
