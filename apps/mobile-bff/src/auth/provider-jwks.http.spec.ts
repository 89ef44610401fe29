// A second provider configuration, reached through a counting proxy: the provider's issuer is the
// proxy's URL (another issuer than the default one), so discovery, the JWKS and the sign-in all go
// through it and every JWKS fetch mobile-bff makes is counted where the provider would see it.
import { ADA_ACCOUNT } from '@bff/bff-bearer/testing';
import { ADA as ADA_AT_CORE } from '@bff/core-client/testing';
import { nativeAppSignIn, startDevIdentity } from '@bff/platform-auth/testing';
import { rmSync } from 'node:fs';
import { CountingProxy } from '../testing/counting-proxy';
import { ProviderKeyFile } from '../testing/provider-key-file';
import { expectProblem, useMobileBff } from '../testing/test-app';

/** Ada's sign-in at the provider, and what crafted tokens say about her. */
const ADA = { ...ADA_ACCOUNT, password: ADA_AT_CORE.password };

describe('mobile-bff against a provider under another issuer URL, its JWKS fetches counted', () => {
  const proxy = new CountingProxy();
  const keys = new ProviderKeyFile();
  let dev: Awaited<ReturnType<typeof startDevIdentity>> | undefined;
  let jwksPath = '/jwks';

  beforeAll(async () => {
    await keys.create();
    await proxy.start();
    dev = await startDevIdentity({
      issuer: proxy.url,
      keysDir: keys.dir,
      signingKeysFile: keys.file,
    });
    proxy.target = dev.url;
  });
  afterAll(async () => {
    await dev?.stop();
    await proxy.stop();
    rmSync(keys.dir, { recursive: true, force: true });
  });

  const issuer = () => proxy.url;
  const mobile = useMobileBff({
    env: Object.defineProperties(
      // Long: within one cooldown no unknown kid may cause a second fetch.
      { OIDC_JWKS_COOLDOWN_MS: '600000' },
      { OIDC_ISSUER: { enumerable: true, get: issuer } },
    ) as Record<string, string>,
  });
  const cart = (token: string) =>
    fetch(`${mobile.url}/v2/screens/cart`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    const discovery = await fetch(`${issuer()}/.well-known/openid-configuration`);
    const { jwks_uri: jwksUri } = (await discovery.json()) as { jwks_uri: string };
    jwksPath = new URL(jwksUri).pathname;
  });

  it('fetches the JWKS at most once per cooldown under a flood of unknown kids', async () => {
    const fetchesBefore = proxy.count(jwksPath);
    const forged = await Promise.all(
      Array.from({ length: 40 }, (_, i) => keys.signWithStrangerKey(issuer(), ADA, `flood-${i}`)),
    );
    for (const batch of [forged.slice(0, 20), forged.slice(20)]) {
      const answers = await Promise.all(batch.map(cart));
      for (const res of answers) await expectProblem(res, 401, 'invalid_token');
    }
    // The first unknown kid found no keys yet: one fetch; every later one falls in its cooldown.
    expect(proxy.count(jwksPath) - fetchesBefore).toBe(1);
  });

  it("accepts this provider's token (sign-in through the other issuer URL) with no further JWKS fetch", async () => {
    const fetchesBefore = proxy.count(jwksPath);
    const { accessToken } = await nativeAppSignIn({
      issuer: issuer(),
      clientId: 'storefront-app',
      redirectUri: 'http://127.0.0.1/callback',
      email: ADA.email,
      password: ADA.password,
      resource: 'urn:mobile-bff', // RFC 8707 wants a URI; the token's aud is mobile-bff
    });
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString());
    expect(claims.iss).toBe(issuer());
    expect((await cart(accessToken)).status).toBe(200);
    expect(proxy.count(jwksPath)).toBe(fetchesBefore);
  });
});
