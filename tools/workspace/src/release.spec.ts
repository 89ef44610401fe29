import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPS, BFFS, ROOT } from './support/workspace';

/**
 * Each BFF's SDK (docs/sdk.md): libs/sdk/<name without -bff>, versioned with its BFF through the
 * BFF's manifestRootsToUpdate.
 */
const SDK_OF = Object.fromEntries(BFFS.map((bff) => [bff, `libs/sdk/${bff.replace(/-bff$/, '')}`]));

const nx = (args: string[]) => {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'nx'), args, {
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
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

/** `nx release … --dry-run`: prints what it would change and changes nothing. */
const dryRun = (app: string) =>
  nx(['release', 'minor', `--projects=${app}`, '--dry-run', '--skip-publish']);

const gitStatus = () =>
  spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout;

describe('independent releases (nx release)', () => {
  it('versions each app on its own, with its own tag pattern and changelog', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'nx.json'), 'utf8'));
    expect(config.release).toMatchObject({
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

  it('releases every deployable app and nothing else (release.projects is a pattern: no list)', () => {
    const { projects } = JSON.parse(readFileSync(join(ROOT, 'nx.json'), 'utf8')).release;
    const { status, output } = nx(['show', 'projects', '--json', '-p', ...projects]);
    expect(status).toBe(0);
    expect(JSON.parse(output.slice(output.indexOf('['))).sort()).toEqual([...APPS].sort());
  });

  it.each(Object.entries(SDK_OF))(
    "keeps %s's SDK (%s) at the BFF's version, as a package ready to publish",
    (app, sdk) => {
      const version = (dir: string) =>
        JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')).version;
      expect(version(sdk)).toBe(version(`apps/${app}`));
      const project = JSON.parse(readFileSync(join(ROOT, 'apps', app, 'project.json'), 'utf8'));
      expect(project.release.version.manifestRootsToUpdate).toEqual(['{projectRoot}', sdk]);
      const manifest = JSON.parse(readFileSync(join(ROOT, sdk, 'package.json'), 'utf8'));
      expect(manifest.private).toBeUndefined();
      expect(manifest.exports['.']).toMatchObject({ types: expect.any(String) });
      expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
      expect(Object.keys(manifest.peerDependencies)).toEqual(['openapi-fetch']);
    },
  );

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
      // The app's SDK takes the app's new version; no other SDK moves.
      for (const [bff, sdk] of Object.entries(SDK_OF)) {
        if (bff === app) expect(output).toContain(`UPDATE ${sdk}/package.json [dry-run]`);
        else expect(output).not.toContain(`${sdk}/package.json`);
      }
      expect(gitStatus()).toBe(before);
    },
  );
});
