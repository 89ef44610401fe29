import { ServiceTokenVerifier } from '@bff/platform-auth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCoreApiEnv } from '../config/env';
import { callerKeyLookup } from './caller-keys';
import { mintDevToken } from './dev-token';

describe('mintDevToken', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dev-token-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("makes a token core-api's development key lookup accepts, for a customer or a visitor", async () => {
    const verifier = new ServiceTokenVerifier(
      callerKeyLookup(loadCoreApiEnv({ NODE_ENV: 'development', SERVICE_KEYS_DIR: dir })),
    );
    const forAda = await mintDevToken({ SERVICE_KEYS_DIR: dir }, ['--customer=1']);
    const anonymous = await mintDevToken({ SERVICE_KEYS_DIR: dir }, []);
    if (!forAda.ok || !anonymous.ok) throw new Error('expected tokens');
    expect(await verifier.verify(forAda.token)).toEqual({ caller: 'developer', customerId: 1 });
    expect(await verifier.verify(anonymous.token)).toEqual({
      caller: 'developer',
      customerId: null,
    });
    expect(forAda.guidance).toContain('Authorize');
  });

  it('is refused in production, and where core-api trusts only configured keys', async () => {
    const production = await mintDevToken({ NODE_ENV: 'production', SERVICE_KEYS_DIR: dir }, []);
    expect(production).toEqual({
      ok: false,
      refusal: expect.stringContaining('refused with NODE_ENV=production'),
    });
    const configured = await mintDevToken(
      { SERVICE_TOKEN_PUBLIC_KEYS: 'web-bff:abc', SERVICE_KEYS_DIR: dir },
      [],
    );
    expect(configured).toEqual({
      ok: false,
      refusal: expect.stringContaining('SERVICE_TOKEN_PUBLIC_KEYS is set'),
    });
    expect(await mintDevToken({ SERVICE_KEYS_DIR: dir }, ['--customer=ada'])).toEqual({
      ok: false,
      refusal: '--customer must be a customer id such as 1 (got "ada")',
    });
  });
});
