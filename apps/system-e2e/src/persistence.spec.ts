import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningService, startService } from './support/processes';
import { coreApiCaller, tempKeysDir } from './support/service-tokens';

describe('core-api on its default file-backed PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'core-api-data-'));
  const keysDir = tempKeysDir();
  let core: RunningService | undefined;
  const call = coreApiCaller(() => core?.url ?? '', keysDir);

  afterAll(async () => {
    await core?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps what was written through the API across a restart, and does not seed twice', async () => {
    core = await startService('core-api', { PGLITE_DIR: dataDir, SERVICE_KEYS_DIR: keysDir });
    expect(core.output()).toContain('Seeded the demo catalog');
    const put = await call('/carts/me/items/42', {
      method: 'PUT',
      customerId: 2,
      headers: { 'content-type': 'application/json' },
      body: '{"quantity":3}',
    });
    expect(put.status).toBe(200);
    expect(await core.stop()).toBe(0);

    core = await startService('core-api', { PGLITE_DIR: dataDir, SERVICE_KEYS_DIR: keysDir });
    expect(core.output()).not.toContain('Seeded the demo catalog');
    const cart: any = await (await call('/carts/me', { customerId: 2 })).json();
    expect(cart.items).toEqual([expect.objectContaining({ productId: 42, quantity: 3 })]);
    const categories: any = await (await call('/categories')).json();
    expect(
      categories.items.reduce(
        (sum: number, c: { productCount: number }) => sum + c.productCount,
        0,
      ),
    ).toBe(500);
  });
});
