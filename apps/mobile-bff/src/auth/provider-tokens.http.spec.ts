// The development provider's access tokens at mobile-bff, over real HTTP: the provider runs as its
// own process (dist/apps/dev-identity, built by the test target's dependsOn), the app signs in at
// it as a native app does (code + PKCE, resource mobile-bff), and mobile-bff fetches the
// provider's real discovery document and JWKS. The spec writes the provider's signing keys itself
// (SIGNING_KEYS_FILE), so it can also forge tokens the way an attacker who knows the public key
// would, and sign correct-looking tokens with the real key but a wrong claim.
import { ADA_ACCOUNT } from '@bff/bff-bearer/testing';
import { ADA as ADA_AT_CORE } from '@bff/core-client/testing';
import { nativeAppSignIn, refreshAt, useDevIdentity } from '@bff/platform-auth/testing';
import { JWTPayload, UnsecuredJWT } from 'jose';
import { rmSync } from 'node:fs';
import { expectProblem, useMobileBff } from '../testing/test-app';
import { ProviderKeyFile } from '../testing/provider-key-file';

/** Ada's sign-in at the provider, and what crafted tokens say about her. */
const ADA = { ...ADA_ACCOUNT, password: ADA_AT_CORE.password };
const APP = { clientId: 'storefront-app', redirectUri: 'http://127.0.0.1/callback' };
const COOLDOWN_MS = 500;

describe("the development provider's access tokens at mobile-bff (provider as a process, real HTTP)", () => {
  const keys = new ProviderKeyFile();
  beforeAll(() => keys.create());
  afterAll(() => rmSync(keys.dir, { recursive: true, force: true }));
  const dev = useDevIdentity({
    get keysDir() {
      return keys.dir;
    },
    get signingKeysFile() {
      return keys.file;
    },
  });
  const mobile = useMobileBff({
    env: Object.defineProperties(
      { OIDC_JWKS_COOLDOWN_MS: String(COOLDOWN_MS) },
      { OIDC_ISSUER: { enumerable: true, get: () => dev.issuer } },
    ) as Record<string, string>,
  });

  const signIn = () =>
    nativeAppSignIn({
      issuer: dev.issuer,
      ...APP,
      email: ADA.email,
      password: ADA.password,
      resource: 'urn:mobile-bff', // RFC 8707 wants a URI; the token's aud is mobile-bff
    });
  const cart = (token: string) =>
    fetch(`${mobile.url}/v2/screens/cart`, { headers: { authorization: `Bearer ${token}` } });
  /** A token with the provider's own key and the claims it writes, `claims` on top. */
  const withProviderKey = (claims: JWTPayload = {}) => keys.sign(dev.issuer, ADA, claims);

  it("accepts the provider's access token on a personal screen, and the customer is Ada", async () => {
    const { accessToken } = await signIn();
    const res = await cart(accessToken);
    expect(res.status).toBe(200);
    const [link] = mobile.core.calls.filter((c) => c.url === '/customers/link');
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ aud: 'mobile-bff', email: ADA.email });
    expect(JSON.parse(link?.body ?? '{}')).toEqual({
      subject: claims.sub,
      email: ADA.email,
      displayName: 'Ada',
      emailVerified: true,
    });
  });

  it('accepts a token signed with the provider key and the right claims (the baseline of the forgeries)', async () => {
    expect((await cart(await withProviderKey())).status).toBe(200);
  });

  it.each<[string, () => Promise<string>]>([
    [
      'for another audience (an ID token, or another API)',
      () => withProviderKey({ aud: 'storefront-app' }),
    ],
    ['from another issuer', () => withProviderKey({ iss: 'http://127.0.0.1:1/' })],
    ['expired', () => withProviderKey({ iat: now() - 900, exp: now() - 60 })],
    ['not yet valid', () => withProviderKey({ nbf: now() + 300 })],
    ['unsigned (alg: none)', async () => new UnsecuredJWT(keys.claims(dev.issuer, ADA)).encode()],
    [
      "HS256 with the provider's public key (PEM) as the secret: key confusion",
      () => keys.hmacWithPublicKey(dev.issuer, ADA, 'pem'),
    ],
    [
      "HS256 with the provider's public JWK as the secret",
      () => keys.hmacWithPublicKey(dev.issuer, ADA, 'jwk'),
    ],
    [
      'signed by a key the provider never published',
      () => keys.signWithStrangerKey(dev.issuer, ADA),
    ],
  ])('refuses a token %s with 401 invalid_token', async (_case, make) => {
    const res = await cart(await make());
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer realm="mobile-bff", error="invalid_token"',
    );
    await expectProblem(res, 401, 'invalid_token');
  });

  it('revokes the family at the provider when a refresh token is used twice', async () => {
    const { refreshToken } = await signIn();
    const rotated = await refreshAt(dev.issuer, APP.clientId, refreshToken);
    expect(rotated).toMatchObject({ status: 200, refresh_token: expect.any(String) });
    const next = rotated.refresh_token ?? '';
    expect(next).not.toBe(refreshToken);
    expect(await refreshAt(dev.issuer, APP.clientId, refreshToken)).toMatchObject({
      error: 'invalid_grant',
    });
    expect(await refreshAt(dev.issuer, APP.clientId, next)).toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('accepts tokens of a new signing key after the provider rotates, without restarting mobile-bff', async () => {
    const before = await signIn();
    expect((await cart(before.accessToken)).status).toBe(200);
    const newKid = await keys.rotate(); // the file now lists [new, old]
    await dev.restart();
    const after = await signIn();
    expect(kidOf(after.accessToken)).toBe(newKid);
    // The JWKS was fetched at most a moment ago: past the cooldown, an unknown kid refetches it.
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS * 4));
    expect((await cart(after.accessToken)).status).toBe(200);
    expect((await cart(before.accessToken)).status).toBe(200); // the old key is still published
  });
});

const now = () => Math.floor(Date.now() / 1000);
const kidOf = (token: string): unknown =>
  JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).kid;
