// Runs Spectral's CLI (the same command a developer runs: `npx spectral lint openapi/*.json`) with
// the committed ruleset, and reads its findings as JSON.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './workspace';

export const RULESET = join(ROOT, '.spectral.yaml');
const CLI = join(ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');

export interface Finding {
  code: string;
  message: string;
  path: string[];
  /** 0 error, 1 warning, 2 information, 3 hint. */
  severity: number;
  source: string;
}

/**
 * Every finding of the committed ruleset (or a copy at `ruleset`, whose overrides then name files
 * relative to the copy) on `files` (absolute paths), errors and warnings alike.
 */
export function lint(files: string[], ruleset = RULESET): Finding[] {
  const run = spawnSync(
    process.execPath,
    [CLI, 'lint', '--ruleset', ruleset, '--format', 'json', '--quiet', ...files],
    // The ruleset's `overrides` name the documents relative to the root, as the CLI run there.
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  // 0: nothing at error level; 1: some errors. Anything else is Spectral failing to run.
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`spectral exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout || '[]') as Finding[];
}

/** Errors of one rule, counted, with the first few places: `rule ×n: path; path; …`. */
export function summarize(findings: Finding[]): string[] {
  const byRule = new Map<string, string[]>();
  for (const { code, path } of findings)
    byRule.set(code, [...(byRule.get(code) ?? []), path.join(' › ')]);
  return [...byRule].map(
    ([code, paths]) =>
      `${code} ×${paths.length}: ${paths.slice(0, 3).join('; ')}${paths.length > 3 ? '; …' : ''}`,
  );
}
