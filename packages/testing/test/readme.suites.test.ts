import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The README's test suites (```ts file=<name>.test.ts blocks) run as a user runs them: each written to
// a file and handed to a fresh vitest, `@aopkit/client` and `@aopkit/testing/setup` resolved to their
// sources (the client is not a dependency of this package: that would be a cycle, it tests against
// this one). Every test in them must pass; none may be skipped.
const run = promisify(execFile);
const root = new URL('..', import.meta.url);
const outDir = new URL('.vitest/readme-suites/', root);
const readme = await readFile(new URL('README.md', root), 'utf8');
const suites = [...readme.matchAll(/```ts file=(\S+)\n([\s\S]*?)```/g)].map((m) => ({
  name: m[1]!,
  code: m[2]!,
}));

const source = (path: string) => fileURLToPath(new URL(path, root));
const config = `export default {
  resolve: {
    alias: [
      { find: /^@aopkit\\/client$/, replacement: ${JSON.stringify(source('../client/src/index.ts'))} },
      { find: /^@aopkit\\/testing$/, replacement: ${JSON.stringify(source('src/index.ts'))} },
      { find: /^@aopkit\\/testing\\/setup$/, replacement: ${JSON.stringify(source('src/setup/index.ts'))} },
    ],
  },
  test: { include: ['*.test.ts'], testTimeout: 30000, hookTimeout: 30000 },
};
`;

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

async function runSuite(name: string, code: string): Promise<JsonReport> {
  const dir = new URL(`${name.replace(/\W+/g, '-')}/`, outDir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(new URL(name, dir), code);
  await writeFile(new URL('vitest.config.mjs', dir), config);
  const report = new URL('report.json', dir);
  const args = [
    'run',
    '--config',
    'vitest.config.mjs',
    '--reporter=json',
    `--outputFile=${fileURLToPath(report)}`,
  ];
  // A failing suite exits 1: the report says why, so read it either way.
  await run(source('node_modules/.bin/vitest'), args, { cwd: fileURLToPath(dir), env: childEnv() }).catch(
    (error: { stderr?: string }) => {
      if (error.stderr?.includes('Error') && !error.stderr.includes('FAIL')) console.error(error.stderr);
    },
  );
  return JSON.parse(await readFile(report, 'utf8')) as JsonReport;
}

describe('README test suites', () => {
  it('the first example of the README is a test suite', () => {
    expect(suites.length).toBeGreaterThanOrEqual(1);
    const firstExample = readme.match(/```ts([^\n]*)\n/);
    expect(firstExample?.[1]).toBe(` file=${suites[0]!.name}`);
  });

  it.each(suites.map((s) => [s.name, s.code] as const))(
    '%s: every test passes',
    { timeout: 120_000 },
    async (name, code) => {
      const report = await runSuite(name, code);
      const results = report.testResults.flatMap((file) => file.assertionResults);
      const failures = results
        .filter((r) => r.status !== 'passed')
        .map((r) => `${r.fullName}: ${r.status} ${r.failureMessages.join('\n')}`);
      const fileErrors = report.testResults.map((file) => file.message).filter(Boolean);
      expect([...fileErrors, ...failures]).toEqual([]);
      expect(report.numPassedTests).toBe(report.numTotalTests);
      expect(results.length).toBeGreaterThanOrEqual(5);
    },
  );
});
