import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify } from '../api-diff/classify';
import type { OpenApiDocument } from '../api-diff/document';
import { fileAt, lastReleaseRef } from '@bff/platform-release/testing';

/**
 * The "API changes" section of an app's next changelog entry: every change between its document
 * at the last release and the one being released, breaking ones first and marked. Empty when the
 * project has no document (a library) or the document did not change.
 */
export function apiChangesSection(project: string, root: string): string {
  const docPath = `openapi/${project}.json`;
  if (!existsSync(join(root, docPath))) return '';
  const release = lastReleaseRef(project, root);
  const before = fileAt(release.ref, docPath, root);
  if (before === undefined) return '';
  const changes = classify(
    JSON.parse(before) as OpenApiDocument,
    JSON.parse(readFileSync(join(root, docPath), 'utf8')) as OpenApiDocument,
  );
  if (!changes.length) return '';
  const since = release.kind === 'release' ? release.ref : `commit ${release.ref.slice(0, 12)}`;
  return [
    '### API changes',
    '',
    `\`${docPath}\` compared with ${since}:`,
    '',
    ...changes.map(
      (c) => `- ${c.breaking ? '⚠️ **breaking** ' : ''}\`${c.operation}\`: ${c.message}`,
    ),
  ].join('\n');
}
