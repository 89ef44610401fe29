import { execFileSync } from 'node:child_process';

/** The git revision an app's contracts are compared with, and why that one. */
export interface ReleaseRef {
  /** A tag (`web-bff@1.2.0`) or a commit id. */
  readonly ref: string;
  /** `release`: the app's highest `<app>@x.y.z` tag; `merge-base`: no release yet. */
  readonly kind: 'release' | 'merge-base';
  /** The released version, when `kind` is `release`. */
  readonly version?: string;
}

const git = (cwd: string, args: string[]): string | undefined => {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      // A document at a revision can outgrow the 1 MiB default; a cut-off read must not look
      // like a missing file.
      maxBuffer: 256 * 1024 * 1024,
    }).trim();
  } catch {
    return undefined;
  }
};

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** The numbers of an `x.y.z` version (pre-releases are not release tags, so never match). */
const numbers = (version: string): number[] => (SEMVER.exec(version) ?? []).slice(1).map(Number);

/** Orders `x.y.z` strings by number, highest first. */
const byVersionDescending = (a: string, b: string): number => {
  const [pa, pb] = [numbers(a), numbers(b)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pb[i] ?? 0) - (pa[i] ?? 0);
  return 0;
};

/**
 * The app's last release (its highest `<app>@x.y.z` tag, the pattern nx.json's `releaseTag` sets),
 * or before the first release the merge base of HEAD with main (`origin/main`, else `main`), or
 * HEAD itself when neither exists (a detached clone with no main).
 */
export function lastReleaseRef(app: string, cwd: string): ReleaseRef {
  const versions = (git(cwd, ['tag', '--list', `${app}@*`]) ?? '')
    .split('\n')
    .map((tag) => tag.slice(app.length + 1))
    .filter((version) => SEMVER.test(version))
    .sort(byVersionDescending);
  const version = versions[0];
  if (version !== undefined) {
    return { ref: `${app}@${version}`, kind: 'release', version };
  }
  for (const main of ['origin/main', 'main']) {
    const base = git(cwd, ['merge-base', 'HEAD', main]);
    if (base) return { ref: base, kind: 'merge-base' };
  }
  return { ref: git(cwd, ['rev-parse', 'HEAD']) ?? 'HEAD', kind: 'merge-base' };
}

/** A file's text at a revision, or undefined when it did not exist there. */
export function fileAt(ref: string, path: string, cwd: string): string | undefined {
  if (git(cwd, ['cat-file', '-e', `${ref}:${path}`]) === undefined) return undefined;
  const text = git(cwd, ['show', `${ref}:${path}`]);
  // It exists but could not be read: never mistake that for "nothing to compare with".
  if (text === undefined) throw new Error(`could not read ${path} at ${ref}`);
  return text;
}

/**
 * Whether the clone is shallow: its tags and history may be missing, so the last release would be
 * looked for in vain (CI checks out with `fetch-depth: 0`).
 */
export function isShallow(cwd: string): boolean {
  return git(cwd, ['rev-parse', '--is-shallow-repository']) === 'true';
}
