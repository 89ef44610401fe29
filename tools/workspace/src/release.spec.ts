import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const APPS = ['core-api', 'web-bff', 'mobile-bff'];

/** `nx release … --dry-run`: prints what it would change and changes nothing. */
function dryRun(app: string) {
  const result = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'nx'),
    ['release', 'minor', `--projects=${app}`, '--dry-run', '--skip-publish'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
        NX_TUI: 'false',
        FORCE_COLOR: '0',
      },
      timeout: 60_000,
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const gitStatus = () =>
  spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout;

describe('independent releases (nx release)', () => {
  it('versions each app on its own, with its own tag pattern and changelog', () => {
    const nx = JSON.parse(readFileSync(join(ROOT, 'nx.json'), 'utf8'));
    expect(nx.release).toMatchObject({
      projects: APPS,
      projectsRelationship: 'independent',
      releaseTag: { pattern: '{projectName}@{version}' },
      changelog: {
        workspaceChangelog: false,
        projectChangelogs: expect.objectContaining({ file: '{projectRoot}/CHANGELOG.md' }),
      },
    });
    for (const app of APPS) {
      expect(
        JSON.parse(readFileSync(join(ROOT, 'apps', app, 'package.json'), 'utf8')).version,
      ).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  it.each(APPS)(
    'a dry-run release of %s changes only its own version and changelog, and nothing on disk',
    (app) => {
      const before = gitStatus();
      const { status, output } = dryRun(app);
      expect(status).toBe(0);
      expect(output).toContain(`UPDATE apps/${app}/package.json [dry-run]`);
      expect(output).toMatch(new RegExp(`(CREATE|UPDATE) apps/${app}/CHANGELOG.md \\[dry-run\\]`));
      for (const other of APPS.filter((a) => a !== app)) {
        expect(output).not.toContain(`apps/${other}/package.json`);
        expect(output).not.toContain(`apps/${other}/CHANGELOG.md`);
      }
      expect(gitStatus()).toBe(before);
    },
  );
});
