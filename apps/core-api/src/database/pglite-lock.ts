import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lock file's name inside the PGlite data folder. */
export const LOCK_FILE = 'core-api.lock';

/** Another live process holds the folder; its message is the one line core-api stops with. */
export class PgliteFolderInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number | undefined,
  ) {
    super(
      `the PGlite folder ${dir} is in use by another core-api (${holderPid === undefined ? 'pid unknown' : `pid ${holderPid}`}): ` +
        'stop that one first, or set PGLITE_DIR to another folder',
    );
    this.name = 'PgliteFolderInUseError';
  }
}

export interface PgliteLock {
  /** Removes the lock file if it is still this process's. Safe to call more than once. */
  release(): void;
}

/**
 * Takes the data folder for this process: PGlite is one embedded PostgreSQL per folder, and two
 * processes opening the same files corrupt them. The lock is a file naming the holder's pid,
 * created exclusively; a lock whose pid is no longer alive (a process killed with SIGKILL, a
 * container restarted with the same pid) is stale and taken over. Released on exit.
 */
export function lockPgliteFolder(dir: string): PgliteLock {
  const file = join(dir, LOCK_FILE);
  const mine = heldHere.get(file);
  if (mine) return mine;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file)) return held(file);
    const holder = holderOf(file);
    if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
      throw new PgliteFolderInUseError(dir, holder);
    }
    // Stale: its process is gone. Remove it and try again (another starter may win the race).
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new PgliteFolderInUseError(dir, holderOf(file));
}

/**
 * Creates the lock file complete or not at all: written under a name of its own, then hard-linked
 * into place (atomic, and fails if the lock exists), so no reader ever sees a half-written lock.
 */
function create(file: string): boolean {
  const draft = `${file}.${process.pid}`;
  writeFileSync(
    draft,
    `${JSON.stringify({ pid: process.pid, since: new Date().toISOString() })}\n`,
  );
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    unlinkSync(draft);
  }
}

/** The folders this process holds: taking one again (main.ts, then openDatabase) is one lock. */
const heldHere = new Map<string, PgliteLock>();

function held(file: string): PgliteLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    process.removeListener('exit', release);
    if (holderOf(file) !== process.pid) return;
    try {
      unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  // Covers process.exit() paths (a failed start after the lock was taken) as well as close().
  process.on('exit', release);
  const lock = { release };
  heldHere.set(file, lock);
  return lock;
}

function holderOf(file: string): number | undefined {
  try {
    const pid = (JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    // Missing, or not a lock this code wrote: no live holder can be named.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user; it still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
