import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, RunningService, startService } from './support/processes';

/** `npx nx run core-api:dev-token`'s command, run directly (as its Nx target does). */
function devToken(env: Record<string, string>, ...args: string[]) {
  return spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/core-api/src/auth/dev-token.main.ts', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', SWC_NODE_PROJECT: 'tsconfig.base.json', ...env },
      timeout: 120_000,
    },
  );
}

describe("core-api's development token, for trying core-api from its Swagger UI", () => {
  const keys = mkdtempSync(join(tmpdir(), 'dev-token-keys-'));
  let core: RunningService;

  beforeAll(async () => {
    core = await startService('core-api', {
      NODE_ENV: 'development',
      PGLITE_DIR: 'memory://',
      SERVICE_KEYS_DIR: keys,
    });
  });
  afterAll(() => core?.stop());

  it('is a token the running core-api accepts, for the customer named', async () => {
    const minted = devToken({ SERVICE_KEYS_DIR: keys }, '--customer=1');
    expect(minted.status).toBe(0);
    const token = minted.stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(minted.stderr).toContain('press Authorize and paste it');
    expect((await fetch(`${core.url}/carts/me`)).status).toBe(401);
    const cart = await fetch(`${core.url}/carts/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(cart.status).toBe(200);
  });

  it('is refused with NODE_ENV=production: exit 1, one line, no token', () => {
    const refused = devToken({ SERVICE_KEYS_DIR: keys, NODE_ENV: 'production' });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([
      'dev-token is for development only and is refused with NODE_ENV=production: production core-api trusts only the keys in SERVICE_TOKEN_PUBLIC_KEYS.',
    ]);
  });
});
