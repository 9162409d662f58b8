import { randomBytes } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
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
      await handle.writeFile(`${process.pid}\n${HOST}\n${PID_NAMESPACE}\n`);
      await handle.sync();
      await handle.close();
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          await link(tmp, path);
          return new Lock(path);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        const lock = await readLock(path);
        if (lock === 'gone') continue; // released meanwhile: try again
        const owner = lock?.pid;
        if (owner === undefined) {
          throw new JournalError(
            `journal ${journalPath} is locked (lock file ${path} holds no process id); ` +
              'if no run is going, delete the lock file',
          );
        }
        // A lock from another host or container (another pid namespace): its pid means nothing here, so
        // whether that run is alive cannot be told. Never taken over.
        if ((lock!.host ?? HOST) !== HOST || (lock!.namespace ?? PID_NAMESPACE) !== PID_NAMESPACE) {
          throw new JournalError(
            `journal ${journalPath} is in use by process ${owner} on ${lock!.host ?? 'another host'} ` +
              `(another machine or container, whose processes this run cannot see; lock file ${path}); ` +
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

/** Who holds a lock: its pid, and (since locks name them) its host and pid namespace. */
interface LockOwner {
  readonly pid: number;
  readonly host?: string;
  readonly namespace?: string;
}

const HOST = hostname();
/** The pid namespace (Linux: `pid:[4026531836]`): containers on one host have their own. */
const PID_NAMESPACE = (() => {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return '';
  }
})();

/** A lock file's owner: 'gone' if there is no file, undefined if it holds no pid. */
async function readLock(path: string): Promise<LockOwner | 'gone' | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const [first = '', host, namespace] = text.split('\n');
  const pid = Number(/^\s*(\d+)\s*$/.exec(first)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  // A lock of the first format holds only the pid: taken as this host's.
  return { pid, ...(host ? { host } : {}), ...(host ? { namespace: namespace ?? '' } : {}) };
}

async function readLockPid(path: string): Promise<number | 'gone' | undefined> {
  const lock = await readLock(path);
  return lock === 'gone' ? lock : lock?.pid;
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
