#!/usr/bin/env node
// `npm test`: formatting, lint, type-check, unit and integration tests of every project, then the end-to-end
// suite against the three built apps as real processes (which also checks the committed OpenAPI
// documents). Ends with exact totals: each failing test counted once, a test file that could not
// run named and counted once, and lint and type-check reported from their own results.
//
// Lint, type-check, the apps' breaking-change gates (`api-gate`, docs/contracts.md) and the tests
// run as four Nx invocations (two tasks at a time each), so each one's outcome is known on its own;
// extra arguments (e.g. --skip-nx-cache, -p web-bff) go to all four.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const { summarize } = createRequire(import.meta.url)('../jest/summary.js');

const root = resolve(import.meta.dirname, '..', '..');
const resultsDir = join(root, 'tmp', 'test-results');
const nx = join(root, 'node_modules', '.bin', 'nx');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const extra = process.argv.slice(2);

const runMany = (...targets) =>
  spawnSync(nx, ['run-many', '-t', ...targets, '--parallel=2', '--output-style=stream', ...extra], {
    cwd: root,
    stdio: 'inherit',
    env,
  }).status === 0;

/** The projects the caller chose (-p a b, --projects=a,b), so the summary covers only what ran. */
const chosen = [];
for (let i = 0; i < extra.length; i++) {
  const arg = extra[i];
  if (arg.startsWith('--projects=')) chosen.push(arg.slice('--projects='.length));
  else if (arg === '-p' || arg === '--projects')
    while (extra[i + 1] !== undefined && !extra[i + 1].startsWith('-')) chosen.push(extra[++i]);
}
const projectsWith = (target) => {
  const filter = chosen.length ? ['--projects', chosen.join(',')] : [];
  const out = spawnSync(nx, ['show', 'projects', '--with-target', target, ...filter, '--json'], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  try {
    return JSON.parse(out.stdout);
  } catch {
    return [];
  }
};

/** The folders of the chosen projects, or the whole repository. */
const rootsOf = (projects) =>
  projects.map((name) => {
    const out = spawnSync(nx, ['show', 'project', name, '--json'], {
      cwd: root,
      encoding: 'utf8',
      env,
    });
    return JSON.parse(out.stdout).root;
  });

rmSync(resultsDir, { recursive: true, force: true });
const started = Date.now();
// Prettier's own check of every file it formats (.prettierrc, .prettierignore): `npm run format`
// fixes what it reports.
const formatTargets = chosen.length ? rootsOf(chosen) : ['.'];
const formatOk =
  spawnSync(
    join(root, 'node_modules', '.bin', 'prettier'),
    ['--check', '--log-level=warn', ...formatTargets],
    {
      cwd: root,
      stdio: 'inherit',
      env,
    },
  ).status === 0;
const lintOk = runMany('lint');
const typecheckOk = runMany('typecheck');
const gatesOk = runMany('api-gate');
const testsOk = runMany('test', 'e2e');

const results = existsSync(resultsDir)
  ? Object.fromEntries(
      readdirSync(resultsDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [
          f.replace(/\.json$/, ''),
          JSON.parse(readFileSync(join(resultsDir, f), 'utf8')),
        ]),
    )
  : {};
const summary = summarize({
  projects: [...projectsWith('test'), ...projectsWith('e2e')].sort(),
  results,
  checks: [
    {
      name: 'format',
      scope: chosen.length ? `${chosen.length} projects` : 'all files',
      ok: formatOk,
    },
    { name: 'lint', projects: projectsWith('lint').length, ok: lintOk },
    { name: 'type-check', projects: projectsWith('typecheck').length, ok: typecheckOk },
    { name: 'api gates', projects: projectsWith('api-gate').length, ok: gatesOk },
  ],
});

console.log('\n── Test summary ─────────────────────────────────────────');
for (const line of summary.lines) console.log(line);
if (!testsOk && summary.failed === 0)
  console.log(
    '  the test tasks failed outside Jest (e.g. a build they depend on): see their output above',
  );
console.log(`  took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(summary.totals);
process.exit(summary.ok && testsOk ? 0 : 1);
