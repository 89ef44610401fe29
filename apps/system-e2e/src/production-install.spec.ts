import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

/**
 * The npm packages a bundle leaves to Node: webpack writes each external as
 * `module.exports = require("<request>")`; Node's own modules are not packages.
 */
function externalPackagesOf(bundle: string): string[] {
  const names = new Set<string>();
  for (const [, request = ''] of bundle.matchAll(/^module\.exports = require\("([^"]+)"\);$/gm)) {
    if (request.startsWith('node:') || builtinModules.includes(request)) continue;
    const [first = '', second = ''] = request.split('/');
    names.add(request.startsWith('@') ? `${first}/${second}` : first);
  }
  return [...names].sort();
}

/** Top-level package names in a node_modules folder (`@scope/name` for scoped ones). */
function installedPackages(nodeModules: string): string[] {
  return readdirSync(nodeModules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) =>
      name.startsWith('@')
        ? readdirSync(join(nodeModules, name)).map((inner) => `${name}/${inner}`)
        : [name],
    );
}

/**
 * What each image holds, without Docker: the app's bundle (the app, its libs and the npm packages
 * that can be bundled: tools/webpack/externals.js) plus `npm ci --omit=dev` of the package.json
 * and lockfile its build generated, which list exactly the packages the bundle leaves external —
 * nothing from the workspace's node_modules. The app must start from that folder alone and
 * report ready.
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
      // Exactly what main.js requires from outside itself: nothing missing, nothing extra.
      const externals = externalPackagesOf(readFileSync(join(dir, 'main.js'), 'utf8'));
      expect(Object.keys(manifest.dependencies).sort()).toEqual(externals);
      // Swagger UI's files are served from its folder, so it is installed, not bundled.
      expect(externals).toContain('swagger-ui-dist');
      if (app === 'core-api')
        expect(externals).toEqual(expect.arrayContaining(['pg', '@electric-sql/pglite']));
      else
        expect(externals).not.toEqual(
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
      // The externals and what they depend on, and nothing bundled: Nest, Fastify and the rest
      // run from main.js (were they installed too, a missing bundle part would go unnoticed).
      const installed = installedPackages(join(dir, 'node_modules'));
      expect(installed).toEqual(expect.arrayContaining(externals));
      for (const bundled of ['@nestjs/core', 'fastify', 'rxjs', 'typescript'])
        expect(installed).not.toContain(bundled);
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
