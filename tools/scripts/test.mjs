#!/usr/bin/env node
// `npm test`: lint, type-check, unit and integration tests of every project, then the end-to-end
// suite against the three built apps as real processes (which also checks the committed OpenAPI
// documents). Ends with one line of totals: "Tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const resultsDir = join(root, 'tmp', 'test-results');
const nx = join(root, 'node_modules', '.bin', 'nx');

rmSync(resultsDir, { recursive: true, force: true });
const started = Date.now();
const run = spawnSync(nx, ['run-many', '-t', 'lint', 'typecheck', 'test', 'e2e', '--parallel=2', '--output-style=stream', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});

const projectsWith = (target) => {
  const out = spawnSync(nx, ['show', 'projects', '--with-target', target, '--json'], { cwd: root, encoding: 'utf8' });
  try {
    return JSON.parse(out.stdout);
  } catch {
    return [];
  }
};
const tested = [...projectsWith('test'), ...projectsWith('e2e')].sort();
const results = existsSync(resultsDir)
  ? Object.fromEntries(readdirSync(resultsDir).map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(resultsDir, f), 'utf8'))]))
  : {};

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\n── Test summary ─────────────────────────────────────────');
for (const project of tested) {
  const r = results[project];
  if (!r) {
    console.log(`  ${project.padEnd(20)} no results (did not run or crashed)`);
    failed++;
    continue;
  }
  passed += r.passed;
  failed += r.failed + r.failedSuites;
  skipped += r.skipped;
  console.log(`  ${project.padEnd(20)} ${String(r.passed).padStart(4)} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''} (${r.suites} files)`);
}
const lintCount = projectsWith('lint').length;
const typecheckCount = projectsWith('typecheck').length;
console.log(`  lint and type-check over ${lintCount} and ${typecheckCount} projects: ${run.status === 0 ? 'clean' : 'see failures above'}`);
console.log(`  took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
