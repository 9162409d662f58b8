import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/files';

const bin = join(import.meta.dirname, '..', 'bin', 'voucher-campaign.mjs');
const exec = promisify(execFile);

describe('the installed command', () => {
  it('runs from any working directory, and the demo leaves no folder behind', async () => {
    // cwd and TMPDIR outside the app: tsx must resolve from the command's file, and the demo's scratch
    // folder must be gone afterwards.
    const dir = tempDir();
    const env = { PATH: process.env.PATH, TMPDIR: dir, HOME: dir };
    const help = await exec(process.execPath, [bin, '--help'], { cwd: dir, env });
    expect(help.stdout).toMatch(/^voucher-campaign — send one voucher template/);

    const demo = await exec(process.execPath, [bin, 'send', '--json', '--fault-rate', '0'], {
      cwd: dir,
      env,
    });
    expect(JSON.parse(demo.stdout)).toMatchObject({ ok: true, failed: 0, results_file: null, journal: null });
    // tsx keeps its compile cache there (tsx-<uid>); nothing else may remain.
    expect(readdirSync(dir).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
  }, 60_000);
});
