// Code and docs cite the project's own documents as "PROTOCOL §5" or "DESIGN.md": every citation must
// name a file in docs/ and, with a §, a section heading of that file (`## §5 …`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.git', '.turbo', '.vitest', 'coverage']);
const TEXT = /\.(ts|mts|cts|js|mjs|cjs|md|sh|yaml|yml|json|java)$/;
const CITATION = /\b(PROTOCOL|DESIGN|TOOLCHAIN|PERFORMANCE)(?:\.md)?(?:\s*§\s*(\d+))?/g;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name === 'pnpm-lock.yaml') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

/** `file:line: PROTOCOL §n` for each citation. */
function citations(): { where: string; doc: string; section?: string; bare: boolean }[] {
  const found = [];
  for (const path of files(ROOT)) {
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      for (const match of line.matchAll(CITATION)) {
        const [text, doc, section] = match;
        // "PROTOCOL" alone is an ordinary word in places; only `X.md` or `X §n` cite a document.
        const bare = !text.includes('.md') && section === undefined;
        if (bare) continue;
        found.push({ where: `${relative(ROOT, path)}:${i + 1}`, doc: doc!, section, bare });
      }
    }
  }
  return found;
}

function sectionsOf(doc: string): Set<string> | undefined {
  try {
    const text = readFileSync(join(ROOT, 'docs', `${doc}.md`), 'utf8');
    return new Set([...text.matchAll(/^#{2,3} §(\d+)\b/gm)].map((m) => m[1]!));
  } catch {
    return undefined;
  }
}

describe('citations of the project docs', () => {
  const all = citations();

  it('finds the citations the code makes', () => {
    // The code cites PROTOCOL sections in many places: a scanner that found none would pass vacuously.
    expect(all.filter((c) => c.doc === 'PROTOCOL' && c.section !== undefined).length).toBeGreaterThan(10);
  });

  it('every cited document is in docs/ and every cited section is a heading of it', () => {
    const broken = all.flatMap(({ where, doc, section }) => {
      const sections = sectionsOf(doc);
      if (!sections) return [`${where}: docs/${doc}.md does not exist`];
      if (section !== undefined && !sections.has(section))
        return [`${where}: docs/${doc}.md has no section §${section}`];
      return [];
    });
    expect(broken).toEqual([]);
  });

  it('fails on a citation of a missing section', () => {
    const sections = sectionsOf('PROTOCOL');
    expect(sections?.has('12')).toBe(true);
    expect(sections?.has('99')).toBe(false);
  });
});
