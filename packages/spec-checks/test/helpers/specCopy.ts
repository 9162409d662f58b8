import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPEC } from './prism.js';

/** A temporary copy of the spec with one deliberate mistake; `remove()` deletes it. */
export async function brokenSpec(edit: (text: string) => string) {
  const text = await readFile(SPEC, 'utf8');
  const broken = edit(text);
  if (broken === text) throw new Error('the edit changed nothing: the test would prove nothing');
  const dir = await mkdtemp(join(tmpdir(), 'aopkit-spec-'));
  const path = join(dir, 'alipay.marketing.voucher.send.yaml');
  await writeFile(path, broken);
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}
