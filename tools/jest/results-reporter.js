// Writes each project's Jest totals to tmp/test-results/<displayName>.json so that
// `npm test` (tools/scripts/test.mjs) can print one closing line for the whole run.
// Nx caches this file as the test target's output, so cache hits still count.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

class ResultsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    // JEST_RESULTS_SUFFIX tells apart a second run of the same project (e.g. against PostgreSQL).
    this.name =
      process.env.JEST_RESULTS_NAME &&
      process.env.JEST_RESULTS_NAME + (process.env.JEST_RESULTS_SUFFIX ?? '');
  }

  onRunComplete(_contexts, results) {
    if (!this.name) return;
    const dir = join(__dirname, '..', '..', 'tmp', 'test-results');
    mkdirSync(dir, { recursive: true });
    // Files that failed with no failing test of their own (they did not compile or load, or a hook
    // outside the tests failed): a file whose tests failed is already counted by its tests, so a
    // failure is counted once.
    const broken = results.testResults.filter(
      (file) => file.numFailingTests === 0 && (file.testExecError || file.failureMessage),
    );
    const root = join(__dirname, '..', '..');
    const summary = {
      project: this.name,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
      failedSuites: broken.length,
      brokenFiles: broken.map((file) => relative(root, file.testFilePath)),
    };
    writeFileSync(join(dir, `${this.name}.json`), JSON.stringify(summary, null, 2) + '\n');
  }
}

module.exports = ResultsReporter;
