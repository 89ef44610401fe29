// A throw-away copy of this workspace: every file git tracks or would track (so uncommitted work
// is tested too), node_modules linked, committed to a fresh repository on `main`. Commands run
// in it as a developer runs them, and never touch the real workspace.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..', '..');

// eslint-disable-next-line no-control-regex -- the escape sequences of terminal colours
const ANSI = /\x1b\[[0-9;]*m/g;

export interface Run {
  status: number | null;
  output: string;
}

export class WorkspaceCopy {
  private constructor(readonly root: string) {}

  static create(): WorkspaceCopy {
    const root = mkdtempSync(join(tmpdir(), 'bff-workspace-'));
    const files = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    )
      .split('\0')
      .filter(Boolean);
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      try {
        cpSync(join(ROOT, file), join(root, file));
      } catch {
        // Deleted in the work tree but not yet in the index: not part of the workspace.
      }
    }
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    const copy = new WorkspaceCopy(root);
    copy.git('init', '-q', '-b', 'main');
    copy.commit('the workspace as it is');
    return copy;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'e2e',
        GIT_AUTHOR_EMAIL: 'e2e@example.com',
        GIT_COMMITTER_NAME: 'e2e',
        GIT_COMMITTER_EMAIL: 'e2e@example.com',
      },
    });
  }

  commit(message: string): void {
    this.git('add', '-A');
    this.git('-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message);
  }

  /** Runs a command in the copy to its end (or `timeoutMs`), output and errors interleaved. */
  run(
    command: string,
    args: string[],
    env: Record<string, string> = {},
    timeoutMs = 15 * 60_000,
  ): Promise<Run> {
    return new Promise((resolvePromise) => {
      const child = spawn(command, args, {
        cwd: this.root,
        // No colours: the steps read the output (Nx colours it on a CI runner, where stdout is no TTY).
        env: {
          ...process.env,
          NX_DAEMON: 'false',
          NX_NO_CLOUD: 'true',
          NX_TUI: 'false',
          FORCE_COLOR: '0',
          NO_COLOR: '1',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolvePromise({ status, output: output.replace(ANSI, '') });
      });
    });
  }

  /** `npx nx …` in the copy. */
  nx(...args: string[]): Promise<Run> {
    return this.run('npx', ['nx', ...args]);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
