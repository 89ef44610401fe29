import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Change, formatChange } from '../api-diff/change';
import { classify } from '../api-diff/classify';
import type { OpenApiDocument } from '../api-diff/document';
import { fileAt, isShallow, lastReleaseRef } from '@bff/platform-release/testing';
import { acceptedPath, changeLine, readAccepted } from './accepted';
import { breakingBump, breakingCommits } from './commits';

export interface GateResult {
  readonly ok: boolean;
  readonly changes: Change[];
  /** Breaking changes neither accepted (accepted.ts) nor announced by a breaking release. */
  readonly blocking: Change[];
  /** The version the document is compared with (the last release's, or package.json's before it). */
  readonly version: string;
  /** The report, one line each: what was compared, every change, the verdict, what to do. */
  readonly lines: string[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Whether nx release turns a 0.x major bump into a minor one (nx 23: yes unless nx.json says false). */
function adjustsZeroMajor(root: string): boolean {
  const file = join(root, 'nx.json');
  if (!existsSync(file)) return true;
  const nx = readJson<{
    release?: { version?: { adjustSemverBumpsForZeroMajorVersion?: boolean } };
  }>(file);
  return nx.release?.version?.adjustSemverBumpsForZeroMajorVersion !== false;
}

/**
 * An app's breaking-change gate: its committed document (openapi/<app>.json, working tree) against
 * the one at its last release (or the merge base with main before the first). It passes when
 * nothing breaks, when every breaking change is accepted in apps/<app>/api-accepted.json, or when
 * the commits since then make the next release a breaking one (docs/contracts.md). A new mobile
 * API version needs no exception: adding /v3 is additions only, while dropping /v1 is a removed
 * operation like any other.
 */
export function runGate(app: string, root: string): GateResult {
  const docPath = `openapi/${app}.json`;
  const projectRoot = `apps/${app}`;
  const manifest = join(root, projectRoot, 'package.json');
  if (isShallow(root)) {
    const line = `${app}: this clone is shallow, so its last release cannot be found: fetch the whole history with its tags (git fetch --unshallow --tags; in CI, actions/checkout with fetch-depth: 0).`;
    // .ci/run sets this only after failing to fetch the history, and says so in its log.
    if (process.env['API_GATE_SHALLOW'] === 'skip')
      return { ok: true, changes: [], blocking: [], version: '', lines: [`SKIPPED: ${line}`] };
    return { ok: false, changes: [], blocking: [], version: '', lines: [line] };
  }
  const release = lastReleaseRef(app, root);
  const version =
    release.version ??
    (existsSync(manifest) ? readJson<{ version: string }>(manifest).version : '0.0.0');
  const since =
    release.kind === 'release'
      ? release.ref
      : `${release.ref.slice(0, 12)} (merge base with main; no ${app}@x.y.z tag yet)`;
  const previousText = fileAt(release.ref, docPath, root);
  const lines = [`${app}: ${docPath} compared with ${since}`];
  if (previousText === undefined) {
    lines.push(`  ${docPath} did not exist there: everything is new, nothing can break.`);
    return { ok: true, changes: [], blocking: [], version, lines };
  }
  const current = readJson<OpenApiDocument>(join(root, docPath));
  const changes = classify(JSON.parse(previousText) as OpenApiDocument, current);
  const { reasons, note } = readAccepted(root, app, version);
  const blocking = changes.filter((c) => c.breaking && !reasons.has(changeLine(c)));
  for (const c of changes) {
    const reason = c.breaking ? reasons.get(changeLine(c)) : undefined;
    lines.push(reason ? `  accepted   ${changeLine(c)} (${reason})` : `  ${formatChange(c)}`);
  }
  if (note) lines.push(`  note: ${note}`);
  const breaking = changes.filter((c) => c.breaking).length;
  lines.push(
    `  ${breaking} breaking (${breaking - blocking.length} accepted), ${changes.length - breaking} compatible change(s)`,
  );
  const result = (ok: boolean, ...verdict: string[]): GateResult => ({
    ok,
    changes,
    blocking,
    version,
    lines: [...lines, ...verdict],
  });
  if (!blocking.length)
    return result(
      true,
      breaking ? 'PASS: every breaking change is accepted.' : 'PASS: no breaking change.',
    );

  const next = breakingBump(version, adjustsZeroMajor(root));
  const commits = breakingCommits(app, projectRoot, release.ref, root);
  if (commits.length)
    return result(
      true,
      `PASS: breaking changes are announced by ${commits.map((c) => `${c.hash} "${c.subject}"`).join(', ')}: ` +
        `nx release makes the next version ${next} (from ${version}).`,
    );
  return result(
    false,
    `FAIL: ${blocking.length} breaking change(s) to ${app}'s API, and no commit since ${release.kind === 'release' ? release.ref : 'the merge base'} announces a breaking release.`,
    `  Either keep the old behaviour (add beside it, deprecate, or for mobile-bff serve a new API version while the old one keeps answering),`,
    `  or release it as breaking (${version} → ${next}): commit with \`feat(${app})!: …\` or a \`BREAKING CHANGE:\` footer touching ${projectRoot},`,
    `  or, when no deployed client can notice (the document now declares what the server already enforced), accept them`,
    `  in ${acceptedPath(app)}: npx nx run ${app}:api-gate --accept="<why no client can notice>".`,
    `  See docs/contracts.md.`,
  );
}
