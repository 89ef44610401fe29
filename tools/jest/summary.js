// The closing totals of `npm test` (tools/scripts/test.mjs) and of `.ci/run`, from the files
// results-reporter.js writes. A failing test counts once; a test file that failed without a failing
// test of its own (it did not compile or load, or a hook outside the tests failed) counts once and
// is named; a project with a test target but no results counts once and is named; lint and
// type-check are reported from their own outcome, never inferred from the tests'.

/**
 * @param {{
 *   projects: string[],
 *   results: Record<string, { passed: number, failed: number, skipped: number, suites: number, failedSuites: number, brokenFiles?: string[] }>,
 *   checks?: Array<{ name: string, projects?: number, scope?: string, ok: boolean }>,
 * }} input
 */
function summarize({ projects, results, checks = [] }) {
  const lines = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const project of projects) {
    const r = results[project];
    if (!r) {
      lines.push(
        `  ${project.padEnd(22)} no results: its tests did not run or crashed (counted as 1 failure)`,
      );
      failed += 1;
      continue;
    }
    passed += r.passed;
    failed += r.failed + r.failedSuites;
    skipped += r.skipped;
    const broken = r.failedSuites
      ? `, ${r.failedSuites} ${r.failedSuites === 1 ? 'file' : 'files'} failed to run${r.brokenFiles?.length ? ` (${r.brokenFiles.join(', ')})` : ''}`
      : '';
    lines.push(
      `  ${project.padEnd(22)} ${String(r.passed).padStart(4)} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${broken} (${r.suites} files)`,
    );
  }
  for (const check of checks) {
    lines.push(
      `  ${`${check.name} (${check.scope ?? `${check.projects} projects`})`.padEnd(22)} ${check.ok ? 'clean' : 'FAILED (see its output above)'}`,
    );
  }
  const checksOk = checks.every((check) => check.ok);
  const failing = checks.filter((check) => !check.ok).map((check) => check.name);
  const totals =
    `Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}` +
    (failing.length ? `; ${failing.join(' and ')} failed` : '');
  return { lines, totals, passed, failed, skipped, ok: failed === 0 && checksOk };
}

module.exports = { summarize };
