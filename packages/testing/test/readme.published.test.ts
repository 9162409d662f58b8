import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

// A published README is read on npm, by someone who installed the package: a command that only works in
// a clone of this monorepo (turbo, `pnpm --filter`, the root's scripts, paths into the repository) is a
// dead end there. Such lines belong in a "Developing this package" section that says who it is for.
const packagesDir = new URL('../../', import.meta.url);
const DEV_HEADING = '## Developing this package';
const MONOREPO_ONLY: [RegExp, string][] = [
  [/pnpm --filter\b/, '`pnpm --filter`'],
  [/pnpm -r\b|pnpm --recursive\b/, 'a recursive pnpm run'],
  [/\bturbo /, 'turbo'],
  [
    /\bpnpm (bench|build|check|generate|lint|release|start|test|typecheck|version-packages)\b/,
    'a root script',
  ],
  [/\]\(\.\.?\//, 'a relative link into the repository'],
  [/(^|[\s`(])(packages|apps|spec|\.ci)\//, 'a path in the repository'],
];

/** The README without its "Developing this package" section (up to the next `## ` heading). */
function publishedPart(readme: string): string {
  return readme.replace(/^## Developing this package\n[\s\S]*?(?=^## |(?![\s\S]))/m, '');
}

/** Each monorepo-only command or path found outside that section: `line: what`. */
function monorepoOnly(readme: string): string[] {
  return publishedPart(readme)
    .split('\n')
    .flatMap((line, i) =>
      MONOREPO_ONLY.filter(([re]) => re.test(line)).map(([, what]) => `${i + 1}: ${what}`),
    );
}

const packages = (await readdir(packagesDir, { withFileTypes: true })).filter((d) => d.isDirectory());
const readmes = await Promise.all(
  packages.map(async (d) => {
    const read = (file: string) => readFile(new URL(`${d.name}/${file}`, packagesDir), 'utf8');
    const manifest = JSON.parse(await read('package.json')) as { name: string; private?: boolean };
    return { name: manifest.name, private: manifest.private === true, text: await read('README.md') };
  }),
);

describe('published READMEs', () => {
  it('are found', () => {
    expect(readmes.map((r) => r.name)).toEqual(
      expect.arrayContaining(['@aopkit/client', '@aopkit/signer', '@aopkit/testing', '@aopkit/types']),
    );
  });

  it.each(readmes.filter((r) => !r.private).map((r) => [r.name, r.text] as const))(
    '%s tells users no command that exists only in the monorepo',
    (_, text) => {
      expect(monorepoOnly(text)).toEqual([]);
    },
  );

  it.each(readmes.filter((r) => r.text.includes(DEV_HEADING)).map((r) => [r.name, r.text] as const))(
    "%s's developing section says it is for contributors of the monorepo",
    (_, text) => {
      const section = text.slice(text.indexOf(DEV_HEADING));
      expect(section.split('\n\n')[1]).toMatch(/contributors of the aopkit monorepo/);
    },
  );

  describe('the check itself', () => {
    it('finds each kind of line, outside the section only', () => {
      const readme = [
        '# x',
        'Run `pnpm --filter @aopkit/x bench`.',
        'Or turbo run build, or pnpm bench.',
        'See [the signer](../signer) and packages/signer/src.',
        'Install: `npm i @aopkit/x` (pnpm add works too).',
        DEV_HEADING,
        '',
        'For contributors of the aopkit monorepo.',
        'pnpm --filter @aopkit/x test',
        '## After',
        'turbo run lint',
      ].join('\n');
      expect(monorepoOnly(readme)).toEqual([
        '2: `pnpm --filter`',
        '3: turbo',
        '3: a root script',
        '4: a relative link into the repository',
        '4: a path in the repository',
        // The section ends at the next heading: what follows it counts again.
        '7: turbo',
      ]);
    });

    it('a section at the end runs to the end', () => {
      expect(monorepoOnly(`# x\n\n${DEV_HEADING}\n\npnpm --filter x test\nturbo run x\n`)).toEqual([]);
    });
  });
});
