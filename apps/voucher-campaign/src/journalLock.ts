import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { JournalError } from './journalError';

/**
 * `<journal>.lock`, created exclusively and holding the owner's pid. It is created by hard-linking a
 * fully written temporary file, so it never exists without its pid (an exclusive create followed by a
 * write could be seen, or left by a crash, empty).
 */
export class Lock {
  /** Lock files this process holds: one holding our pid but not listed here is stale (pid reused). */
  private static readonly held = new Set<string>();
  private released = false;

  private constructor(readonly path: string) {
    Lock.held.add(resolve(path));
  }

  static async acquire(journalPath: string): Promise<Lock> {
    const path = `${journalPath}.lock`;
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const handle = await open(tmp, 'wx').catch((error: Error) => {
      throw new JournalError(`cannot create lock file ${path} for journal ${journalPath}: ${error.message}`, {
        cause: error,
      });
    });
    try {
      await handle.writeFile(`${process.pid}\n`);
      await handle.sync();
      await handle.close();
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          await link(tmp, path);
          return new Lock(path);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        const owner = await readLockPid(path);
        if (owner === 'gone') continue; // released meanwhile: try again
        if (owner === undefined) {
          throw new JournalError(
            `journal ${journalPath} is locked (lock file ${path} holds no process id); ` +
              'if no run is going, delete the lock file',
          );
        }
        if (owner === process.pid ? Lock.held.has(resolve(path)) : isAlive(owner)) {
          throw new JournalError(
            `journal ${journalPath} is in use by process ${owner} (lock file ${path}); ` +
              'if no run is going, delete the lock file',
          );
        }
        await takeOverStale(path, owner);
      }
      throw new JournalError(
        `cannot lock journal ${journalPath}: lock file ${path} keeps changing; another run may be starting`,
      );
    } catch (error) {
      if (error instanceof JournalError) throw error;
      throw new JournalError(`cannot lock journal ${journalPath}: ${(error as Error).message}`, {
        cause: error,
      });
    } finally {
      await handle.close().catch(() => {});
      await unlink(tmp).catch(() => {});
    }
  }

  /** Removes the lock file if it is still ours (best effort). */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    Lock.held.delete(resolve(this.path));
    if ((await readLockPid(this.path)) === process.pid) await unlink(this.path).catch(() => {});
  }
}

/** The pid in a lock file: 'gone' if there is no file, undefined if it holds no pid. */
async function readLockPid(path: string): Promise<number | 'gone' | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const pid = Number(/^\s*(\d+)\s*$/.exec(text)?.[1]);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a lock whose owner `stalePid` is dead. It is moved aside first (atomic: of two runs taking it
 * over at once, one moves it), then checked: if it turns out to be a newer lock, it is put back.
 */
async function takeOverStale(path: string, stalePid: number): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((await readLockPid(aside)) !== stalePid) await link(aside, path).catch(() => {});
  await unlink(aside).catch(() => {});
}
