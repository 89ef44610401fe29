import { execFileSync } from 'node:child_process';

/**
 * Whether `nx release` will make an app's next version a major one (0.x: a minor one), read from
 * the same conventional commits it reads, by nx 23's rules (nx/src/command-line/release/utils/
 * git.js `parseGitCommit`, semver.js `determineSemverChange`):
 * - a commit is breaking when its header has `!` before the colon (`feat(web-bff)!: …`) or its
 *   body has a `BREAKING CHANGE:` footer;
 * - it counts for the app when it touches the app's folder and its scope is empty or names the
 *   app (nx's `useCommitScope`: a breaking commit scoped to anything else is only a patch for it);
 * - nx.json's `release.version.adjustSemverBumpsForZeroMajorVersion` (on unless set to false)
 *   turns that major bump into a minor one while the version is 0.x.
 *
 * One difference, on the safe side: nx also counts commits that touch only a library the app
 * depends on; the gate does not, so such a commit never lets a breaking change through.
 */
export interface BreakingCommit {
  readonly hash: string;
  readonly subject: string;
}

// nx 23's ConventionalCommitRegex.
const HEADER = /^(?<type>[^\s():!]+)(?:\s*\((?<scope>.+)\))?(?<breaking>!)?: (?<description>.+)$/u;

/** A commit scope pattern (`web-bff`, `*-bff`) matching the app's name. */
const scopeMatches = (pattern: string, app: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(app);

/** The commits after `ref` up to HEAD that make the app's next release a breaking one. */
export function breakingCommits(
  app: string,
  projectRoot: string,
  ref: string,
  cwd: string,
): BreakingCommit[] {
  const log = execFileSync(
    'git',
    ['log', '--format=%h%x1f%s%x1f%b%x1e', `${ref}..HEAD`, '--', projectRoot],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const found: BreakingCommit[] = [];
  for (const entry of log.split('\x1e')) {
    const [hash, subject, body] = entry.replace(/^\n/, '').split('\x1f');
    if (!hash || subject === undefined) continue;
    const header = HEADER.exec(subject)?.groups;
    const breaking = Boolean(header?.['breaking']) || (body ?? '').includes('BREAKING CHANGE:');
    const scopes = (header?.['scope'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (breaking && (scopes.length === 0 || scopes.some((s) => scopeMatches(s, app))))
      found.push({ hash, subject });
  }
  return found;
}

/** The version a breaking release makes of `version`: the next major, or for 0.x the next minor when nx adjusts it. */
export function breakingBump(version: string, adjustZeroMajor: boolean): string {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major === 0 && adjustZeroMajor ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
}
