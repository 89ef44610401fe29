import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE, lockPgliteFolder, PgliteFolderInUseError } from './pglite-lock';

/** A real process other than this one: alive until killed, its pid then free. */
function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    pid: child.pid as number,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

const writeLock = (dir: string, pid: number) =>
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, since: new Date().toISOString() }));
const lockPid = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number }).pid;

describe('the PGlite folder lock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pglite-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a free folder with a file naming this process, and removes it on release', () => {
    const lock = lockPgliteFolder(dir);
    expect(lockPid(dir)).toBe(process.pid);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lock.release();
  });

  it('refuses a folder a live process holds, naming the folder and its pid', async () => {
    const holder = otherProcess();
    try {
      writeLock(dir, holder.pid);
      expect(() => lockPgliteFolder(dir)).toThrow(PgliteFolderInUseError);
      expect(() => lockPgliteFolder(dir)).toThrow(
        `the PGlite folder ${dir} is in use by another core-api (pid ${holder.pid})`,
      );
      expect(lockPid(dir)).toBe(holder.pid);
    } finally {
      await holder.kill();
    }
  });

  it('takes over a stale lock whose process has died', async () => {
    const gone = otherProcess();
    await gone.kill();
    writeLock(dir, gone.pid);
    const lock = lockPgliteFolder(dir);
    expect(lockPid(dir)).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock naming its own pid (a restarted container reuses pid 1)', () => {
    writeLock(dir, process.pid);
    const lock = lockPgliteFolder(dir);
    expect(lockPid(dir)).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock file it cannot read a pid from', () => {
    writeFileSync(join(dir, LOCK_FILE), 'not json');
    const lock = lockPgliteFolder(dir);
    expect(lockPid(dir)).toBe(process.pid);
    lock.release();
  });

  it('is one lock when this process takes the same folder twice, released once', () => {
    const first = lockPgliteFolder(dir);
    const again = lockPgliteFolder(dir);
    expect(again).toBe(first);
    again.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('leaves alone a lock another process took after this one let go', async () => {
    const lock = lockPgliteFolder(dir);
    const holder = otherProcess();
    try {
      writeLock(dir, holder.pid);
      lock.release();
      expect(lockPid(dir)).toBe(holder.pid);
    } finally {
      await holder.kill();
    }
  });
});
