import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './support/workspace';

const run = promisify(execFile);

/**
 * `npm run bench:transport` is a script, not a timed test (docs/performance.md); this only keeps it
 * working: one short round, every row printed with figures. No figure is judged here.
 */
describe('npm run bench:transport', () => {
  it('runs a short round and prints a row with figures for every transport', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'bench:transport'], {
      cwd: ROOT,
      env: { ...process.env, BENCH_DURATION_S: '1', BENCH_ROUNDS: '1' },
      timeout: 90_000,
    });
    const rows = new Map(
      stdout
        .split('\n')
        .map((line) => /^(\S.*?)\s{2,}(\d+)\s+(\d+)\s+(\d+\.\d\d)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [
          m[1],
          { pagesPerSecond: Number(m[2]), cpuUsPerPage: Number(m[3]), ratio: Number(m[4]) },
        ]),
    );
    expect([...rows.keys()]).toEqual([
      'plain undici',
      'plain undici + signal',
      'core-client transport',
      'CoreApiClient (policies on)',
    ]);
    expect(rows.get('plain undici')?.ratio).toBe(1);
    for (const row of rows.values()) {
      expect(row.pagesPerSecond).toBeGreaterThan(0);
      expect(row.cpuUsPerPage).toBeGreaterThan(0);
    }
  }, 120_000);
});
