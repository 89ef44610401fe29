import { ProjectResults, summarize } from '../../jest/summary';

const clean = (passed: number): ProjectResults => ({
  passed,
  failed: 0,
  skipped: 0,
  suites: 3,
  failedSuites: 0,
});
const checks = (lint: boolean, typecheck: boolean) => [
  { name: 'lint', projects: 17, ok: lint },
  { name: 'type-check', projects: 17, ok: typecheck },
];

describe("npm test's closing summary (tools/jest/summary.js)", () => {
  it('counts a failing test once, not once more for the file it is in', () => {
    // What results-reporter.js writes for a file with one failing test: the file is not "broken".
    const summary = summarize({
      projects: ['core-client', 'web-bff'],
      results: { 'core-client': { ...clean(90), failed: 1 }, 'web-bff': clean(40) },
      checks: checks(true, true),
    });
    expect(summary.totals).toBe('Tests: 130 passed, 1 failed');
    expect(summary.failed).toBe(1);
    expect(summary.ok).toBe(false);
    expect(summary.lines).toContain('  lint (17 projects)     clean');
    expect(summary.lines).toContain('  type-check (17 projects) clean');
  });

  it('names lint when lint failed, and only lint', () => {
    const summary = summarize({
      projects: ['web-bff'],
      results: { 'web-bff': clean(40) },
      checks: checks(false, true),
    });
    expect(summary.totals).toBe('Tests: 40 passed, 0 failed; lint failed');
    expect(summary.ok).toBe(false);
    expect(summary.lines.join('\n')).toMatch(/lint \(17 projects\)\s+FAILED/);
    expect(summary.lines.join('\n')).toMatch(/type-check \(17 projects\) clean/);
  });

  it('names the format check, which counts files rather than projects, when it failed', () => {
    const summary = summarize({
      projects: ['web-bff'],
      results: { 'web-bff': clean(40) },
      checks: [{ name: 'format', scope: 'all files', ok: false }, ...checks(true, true)],
    });
    expect(summary.totals).toBe('Tests: 40 passed, 0 failed; format failed');
    expect(summary.ok).toBe(false);
    expect(summary.lines.join('\n')).toMatch(/format \(all files\)\s+FAILED/);
  });

  it('blames neither lint nor type-check when only a test failed', () => {
    const summary = summarize({
      projects: ['web-bff'],
      results: { 'web-bff': { ...clean(39), failed: 1 } },
      checks: checks(true, true),
    });
    expect(summary.totals).toBe('Tests: 39 passed, 1 failed');
    expect(summary.lines.join('\n')).not.toMatch(/FAILED/);
  });

  it('counts a test file that could not run once, and names it', () => {
    const summary = summarize({
      projects: ['web-bff'],
      results: {
        'web-bff': {
          ...clean(40),
          failedSuites: 1,
          brokenFiles: ['apps/web-bff/src/broken.spec.ts'],
        },
      },
      checks: checks(true, false),
    });
    expect(summary.failed).toBe(1);
    expect(summary.totals).toBe('Tests: 40 passed, 1 failed; type-check failed');
    expect(summary.lines[0]).toContain('1 file failed to run (apps/web-bff/src/broken.spec.ts)');
  });

  it('counts a project whose tests left no results once, and says so', () => {
    const summary = summarize({
      projects: ['system-e2e', 'web-bff'],
      results: { 'web-bff': clean(40) },
    });
    expect(summary.failed).toBe(1);
    expect(summary.lines[0]).toMatch(/system-e2e\s+no results/);
    expect(summary.totals).toBe('Tests: 40 passed, 1 failed');
  });

  it('is clean only when every test passed and every check was clean', () => {
    const results = { 'web-bff': { ...clean(40), skipped: 2 } };
    expect(summarize({ projects: ['web-bff'], results, checks: checks(true, true) })).toMatchObject(
      {
        ok: true,
        totals: 'Tests: 40 passed, 0 failed, 2 skipped',
      },
    );
  });
});
