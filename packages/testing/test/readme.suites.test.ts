import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The README's test suites (```ts file=<name>.test.ts blocks) run as a user runs them: each written to
// a file, typechecked, and handed to a fresh vitest; `@aopkit/client` and `@aopkit/testing/setup`
// resolve to their sources (the client is not a dependency of this package: it depends on this one, and
// turbo refuses the cycle). Every test in them must pass; none may be skipped.
const run = promisify(execFile);
const root = new URL('..', import.meta.url);
const outDir = new URL('.vitest/readme-suites/', root);
const readme = await readFile(new URL('README.md', root), 'utf8');
const suites = [...readme.matchAll(/```ts file=(\S+)\n([\s\S]*?)```/g)].map((m) => ({
  name: m[1]!,
  code: m[2]!,
}));

const source = (path: string) => fileURLToPath(new URL(path, root));
const SOURCES = {
  '@aopkit/client': source('../client/src/index.ts'),
  '@aopkit/testing': source('src/index.ts'),
  '@aopkit/testing/setup': source('src/setup/index.ts'),
};
const asRegExp = (name: string) => name.replace(/[/]/g, '\\/');
const vitestConfig = `export default {
  resolve: {
    alias: [
${Object.entries(SOURCES)
  .map(([name, path]) => `      { find: /^${asRegExp(name)}$/, replacement: ${JSON.stringify(path)} },`)
  .join('\n')}
    ],
  },
  test: { include: ['*.test.ts'], testTimeout: 30000, hookTimeout: 30000 },
};
`;
const tsconfig = (file: string) => ({
  extends: source('../../tsconfig.base.json'),
  compilerOptions: {
    paths: Object.fromEntries(Object.entries(SOURCES).map(([name, path]) => [name, [path]])),
  },
  files: [file],
});

interface JsonReport {
  numTotalTests: number;
  numPassedTests: number;
  testResults: {
    name: string;
    message: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

// The parent vitest's variables would make the child think it is a worker of this run.
const childEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'TEST'),
  );

/** Writes a suite, its vitest config and tsconfig into a directory of its own, and returns it. */
async function writeSuite(name: string, code: string): Promise<URL> {
  const dir = new URL(`${name.replace(/\W+/g, '-')}/`, outDir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(new URL(name, dir), code);
  await writeFile(new URL('vitest.config.mjs', dir), vitestConfig);
  await writeFile(new URL('tsconfig.json', dir), JSON.stringify(tsconfig(name), null, 2));
  return dir;
}

/** Runs `bin` in `dir`; resolves its output whether it exits 0 or not. */
async function runIn(dir: URL, bin: string, args: string[]) {
  const options = { cwd: fileURLToPath(dir), env: childEnv(), maxBuffer: 16 * 1024 * 1024 };
  return run(source(`node_modules/.bin/${bin}`), args, options).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
}

describe('README test suites', () => {
  it('the first example of the README is a test suite', () => {
    expect(suites.length).toBeGreaterThanOrEqual(1);
    const firstExample = readme.match(/```ts([^\n]*)\n/);
    expect(firstExample?.[1]).toBe(` file=${suites[0]!.name}`);
  });

  it.each(suites.map((s) => [s.name, s.code] as const))(
    '%s: typechecks and every test passes',
    { timeout: 180_000 },
    async (name, code) => {
      const dir = await writeSuite(name, code);
      const tsc = await runIn(dir, 'tsc', ['-p', 'tsconfig.json']);
      expect(tsc.output.trim()).toBe('');
      expect(tsc.code).toBe(0);

      const reportFile = fileURLToPath(new URL('report.json', dir));
      const args = ['run', '--config', 'vitest.config.mjs', '--reporter=json', `--outputFile=${reportFile}`];
      const vitest = await runIn(dir, 'vitest', args);
      const report = JSON.parse(
        await readFile(reportFile, 'utf8').catch(() => {
          throw new Error(`vitest wrote no report (exit ${vitest.code}):\n${vitest.output}`);
        }),
      ) as JsonReport;
      const results = report.testResults.flatMap((file) => file.assertionResults);
      const failures = results
        .filter((r) => r.status !== 'passed')
        .map((r) => `${r.fullName}: ${r.status} ${r.failureMessages.join('\n')}`);
      const fileErrors = report.testResults.map((file) => file.message).filter(Boolean);
      expect([...fileErrors, ...failures]).toEqual([]);
      expect(report.numPassedTests).toBe(report.numTotalTests);
      expect(results.length).toBeGreaterThanOrEqual(5);
      expect(vitest.code).toBe(0);
    },
  );
});
