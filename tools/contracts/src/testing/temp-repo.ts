import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository this project lives in, whose committed documents the tests plant changes on. */
export const ROOT = resolve(__dirname, '..', '..', '..', '..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** A committed OpenAPI document of this repository, as a fresh object to change. */
export const committedDocument = (app: string): Json =>
  JSON.parse(readFileSync(join(ROOT, 'openapi', `${app}.json`), 'utf8'));

/**
 * A throw-away git repository in the system's temp folder, laid out like this one (openapi/<app>.json,
 * apps/<app>/package.json), so the gate's tag lookup and commit reading run against real git.
 */
export class TempRepo {
  readonly dir = mkdtempSync(join(tmpdir(), 'api-gate-'));

  constructor() {
    this.git('init', '--quiet', '--initial-branch=main');
    // The machine's own git identity and signing setup must not decide whether a test can commit.
    this.git('config', 'user.email', 'gate@example.test');
    this.git('config', 'user.name', 'Gate Test');
    this.git('config', 'commit.gpgsign', 'false');
    this.git('config', 'tag.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8' }).trim();
  }

  write(path: string, content: string | Json): this {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`,
    );
    return this;
  }

  /** An app at `version` with its document: what the first release of it holds. */
  app(app: string, document: Json, version = '0.1.0'): this {
    return this.write(`apps/${app}/package.json`, { name: `@bff/${app}`, version })
      .write(`apps/${app}/src/main.ts`, '// the app\n')
      .write(`openapi/${app}.json`, document);
  }

  /** Commits everything; `touching` also edits a file in that folder, as a real change to the app would. */
  commit(message: string, touching?: string): this {
    if (touching)
      this.write(
        `${touching}/src/change-${this.git('rev-list', '--all', '--count')}.ts`,
        '// changed\n',
      );
    this.git('add', '--all');
    this.git('commit', '--quiet', '--allow-empty', '-m', message);
    return this;
  }

  tag(name: string): this {
    this.git('tag', name);
    return this;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
