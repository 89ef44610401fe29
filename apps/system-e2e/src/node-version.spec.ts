import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './support/processes';

/** The first `node` on PATH that is not the project's pinned one (node_modules/.bin). */
function systemNode(): { path: string; version: string } | undefined {
  const found = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout.split('\n');
  const path = found.find((p) => p.trim() !== '' && !p.includes('node_modules'));
  if (!path) return undefined;
  return { path, version: execFileSync(path, ['--version'], { encoding: 'utf8' }).trim() };
}

const node = systemNode();
const onNode20 = node?.version.startsWith('v20.') === true;
const title = onNode20
  ? 'stops on the system Node 20 with one line saying it needs Node 24'
  : `SKIPPED: no system Node 20 here (found ${node?.version ?? 'none'}); would check the "needs Node 24" line`;

describe('a built service started with the wrong Node', () => {
  (onNode20 ? it.each : it.skip.each)(['core-api', 'web-bff', 'mobile-bff'])(
    `%s ${title}`,
    (app) => {
      const result = spawnSync(node!.path, [join('dist', 'apps', app, 'main.js')], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', PORT: '0', HOST: '127.0.0.1' },
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `${app} needs Node 24 (this is Node ${node!.version}): run it with \`npx node dist/apps/${app}/main.js\` or install Node 24\n`,
      );
    },
  );
});
