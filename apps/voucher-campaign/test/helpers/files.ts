import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A scratch directory for the running test, removed when it finishes. */
export function tempDir(prefix = 'campaign-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeCsv(dir: string, lines: string[]): string {
  const path = join(dir, 'recipients.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
