import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Change, formatChange } from '../api-diff/change';
import { classify } from '../api-diff/classify';
import type { OpenApiDocument } from '../api-diff/document';
import { fileAt, isShallow, lastReleaseRef } from '../release-ref';
import { breakingBump, breakingCommits } from './commits';

export interface GateResult {
  readonly ok: boolean;
  readonly changes: Change[];
  /** The report, one line each: what was compared, every change, the verdict, what to do. */
  readonly lines: string[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/**
 * An app's breaking-change gate: its committed document (openapi/<app>.json, working tree) against
 * the one at its last release (or the merge base with main before the first). It passes when
 * nothing breaks, or when the commits since then make the next release a breaking one
 * (docs/contracts.md). A new mobile API version needs no exception: adding /v3 is additions
 * only, while dropping /v1 is a removed operation like any other.
 */
export function runGate(app: string, root: string): GateResult {
  const docPath = `openapi/${app}.json`;
  if (isShallow(root))
    return {
      ok: false,
      changes: [],
      lines: [
        `${app}: this clone is shallow, so its last release cannot be found: fetch the whole history with its tags (git fetch --unshallow --tags; in CI, actions/checkout with fetch-depth: 0).`,
      ],
    };
  const release = lastReleaseRef(app, root);
  const since =
    release.kind === 'release'
      ? release.ref
      : `${release.ref.slice(0, 12)} (merge base with main; no ${app}@x.y.z tag yet)`;
  const current = readJson<OpenApiDocument>(join(root, docPath));
  const previousText = fileAt(release.ref, docPath, root);
  const lines = [`${app}: ${docPath} compared with ${since}`];
  if (previousText === undefined) {
    lines.push(`  ${docPath} did not exist there: everything is new, nothing can break.`);
    return { ok: true, changes: [], lines };
  }
  const changes = classify(JSON.parse(previousText) as OpenApiDocument, current);
  const breaking = changes.filter((c) => c.breaking);
  for (const c of changes) lines.push(`  ${formatChange(c)}`);
  lines.push(
    `  ${breaking.length} breaking, ${changes.length - breaking.length} compatible change(s)`,
  );
  if (!breaking.length) {
    lines.push('PASS: no breaking change.');
    return { ok: true, changes, lines };
  }

  const projectRoot = `apps/${app}`;
  const manifest = join(root, projectRoot, 'package.json');
  const version =
    release.version ??
    (existsSync(manifest) ? readJson<{ version: string }>(manifest).version : '0.0.0');
  const nxJson = join(root, 'nx.json');
  const nx = existsSync(nxJson)
    ? readJson<{ release?: { version?: { adjustSemverBumpsForZeroMajorVersion?: boolean } } }>(
        nxJson,
      )
    : {};
  const next = breakingBump(
    version,
    nx.release?.version?.adjustSemverBumpsForZeroMajorVersion !== false,
  );
  const commits = breakingCommits(app, projectRoot, release.ref, root);
  if (commits.length) {
    lines.push(
      `PASS: breaking changes are announced by ${commits.map((c) => `${c.hash} "${c.subject}"`).join(', ')}: ` +
        `nx release makes the next version ${next} (from ${version}).`,
    );
    return { ok: true, changes, lines };
  }
  lines.push(
    `FAIL: ${breaking.length} breaking change(s) to ${app}'s API, and no commit since ${release.kind === 'release' ? release.ref : 'the merge base'} announces a breaking release.`,
    `  Either keep the old behaviour (add beside it, deprecate, or for mobile-bff serve a new API version while the old one keeps answering),`,
    `  or release it as breaking (${version} → ${next}): commit with \`feat(${app})!: …\` or a \`BREAKING CHANGE:\` footer touching ${projectRoot}.`,
    `  See docs/contracts.md.`,
  );
  return { ok: false, changes, lines };
}
