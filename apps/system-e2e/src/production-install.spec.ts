import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

/**
 * What each image holds, without Docker: the app's bundle plus `npm ci --omit=dev` of the
 * package.json and lockfile its build generated — nothing from the workspace's node_modules.
 * The app must start from that folder alone and report ready.
 */
describe.each(['core-api', 'web-bff', 'mobile-bff'])(
  '%s installed from its own production dependencies',
  (app) => {
    const dir = mkdtempSync(join(tmpdir(), `${app}-image-`));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('installs with npm ci --omit=dev and starts from that folder alone', async () => {
      cpSync(join(ROOT, 'dist', 'apps', app), dir, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect(Object.keys(manifest.devDependencies ?? {})).toEqual([]);
      expect(Object.keys(manifest.dependencies)).not.toContain('nx');
      if (app !== 'core-api')
        expect(Object.keys(manifest.dependencies)).not.toEqual(
          expect.arrayContaining(['pg', '@electric-sql/pglite', 'drizzle-orm']),
        );

      const install = spawnSync(
        'npm',
        ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
        {
          cwd: dir,
          encoding: 'utf8',
          timeout: 150_000,
        },
      );
      expect({
        status: install.status,
        stderr: install.status === 0 ? '' : install.stderr,
      }).toEqual({ status: 0, stderr: '' });
      expect(existsSync(join(dir, 'node_modules', '@nestjs', 'core'))).toBe(true);
      expect(existsSync(join(dir, 'node_modules', 'typescript'))).toBe(false);

      const service = await startService(
        app,
        { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: tempKeysDir(), NODE_PATH: '' },
        60_000,
        { appDir: dir },
      );
      try {
        const ready = await fetch(`${service.url}/health/ready`);
        expect(ready.status).toBe(200);
      } finally {
        expect(await service.stop()).toBe(0);
      }
    }, 240_000);
  },
);
