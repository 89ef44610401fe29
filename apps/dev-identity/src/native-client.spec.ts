import { DEMO_CUSTOMERS } from '@bff/demo-customers';
import { discover, nativeAppSignIn, refreshAt, useDevIdentity } from '@bff/platform-auth/testing';
import { createRemoteJWKSet, decodeProtectedHeader, type JWK, jwtVerify } from 'jose';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newSigningKey } from './provider/signing-keys';

const grace = DEMO_CUSTOMERS[1]!;
const LOOPBACK = 'http://127.0.0.1:51234/callback';

async function publishedKids(issuer: string): Promise<string[]> {
  const { jwks_uri } = await discover(issuer);
  const { keys } = (await (await fetch(jwks_uri)).json()) as {
    keys: { kid: string; d?: string }[];
  };
  expect(keys.every((key) => key.d === undefined)).toBe(true);
  return keys.map((key) => key.kid);
}

describe('the native app client (public, RFC 8252)', () => {
  const idp = useDevIdentity();
  const signIn = (redirectUri = LOOPBACK, resource?: string) =>
    nativeAppSignIn({
      issuer: idp.issuer,
      clientId: idp.mobileClientId,
      redirectUri,
      email: grace.email,
      password: grace.password,
      resource,
    });

  it('gets a JWT access token for mobile-bff, signed by the first key of the JWKS, with the account claims', async () => {
    const tokens = await signIn();
    const { jwks_uri } = await discover(idp.issuer);
    const { payload, protectedHeader } = await jwtVerify(
      tokens.accessToken,
      createRemoteJWKSet(new URL(jwks_uri)),
      { issuer: idp.issuer, audience: 'mobile-bff', typ: 'at+jwt' },
    );
    expect(protectedHeader).toMatchObject({
      alg: 'ES256',
      kid: (await publishedKids(idp.issuer))[0],
    });
    expect(payload).toMatchObject({
      sub: grace.subject,
      client_id: idp.mobileClientId,
      email: grace.email,
      email_verified: true,
      name: grace.displayName,
      scope: expect.stringContaining('email'),
    });
    expect(payload.nbf).toBe(payload.iat);
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(tokens.expiresIn).toBe(300);
  });

  it('accepts its private-use scheme redirect and any loopback port', async () => {
    await expect(signIn('com.example.storefront:/oauth2redirect')).resolves.toHaveProperty(
      'accessToken',
    );
    await expect(signIn('http://127.0.0.1:40001/callback')).resolves.toHaveProperty('accessToken');
  });

  it('refuses a resource other than the mobile API', async () => {
    await expect(signIn(LOOPBACK, 'https://attacker.example/')).rejects.toThrow(/invalid_target/);
  });

  it('rotates refresh tokens: a new JWT from the new token, invalid_grant for the old one and then the new one', async () => {
    const tokens = await signIn();
    const next = await refreshAt(idp.issuer, idp.mobileClientId, tokens.refreshToken);
    expect(next).toMatchObject({ status: 200 });
    expect(decodeProtectedHeader(next.access_token!).typ).toBe('at+jwt');
    expect(next.refresh_token).not.toBe(tokens.refreshToken);
    expect(await refreshAt(idp.issuer, idp.mobileClientId, tokens.refreshToken)).toMatchObject({
      status: 400,
      error: 'invalid_grant',
    });
    expect(await refreshAt(idp.issuer, idp.mobileClientId, next.refresh_token!)).toMatchObject({
      status: 400,
      error: 'invalid_grant',
    });
  });
});

describe('signing key rotation (SIGNING_KEYS_FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dev-identity-keys-'));
  const file = join(dir, 'jwks.json');
  let oldKey: JWK;
  let newKey: JWK;

  // Registered before useDevIdentity's hook, so it runs first: the provider starts with [old].
  beforeAll(async () => {
    [oldKey, newKey] = [await newSigningKey(), await newSigningKey()];
    writeFileSync(file, JSON.stringify({ keys: [oldKey] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const idp = useDevIdentity({ signingKeysFile: file });

  const signIn = () =>
    nativeAppSignIn({
      issuer: idp.issuer,
      clientId: idp.mobileClientId,
      redirectUri: LOOPBACK,
      email: grace.email,
      password: grace.password,
    });

  it('signs with the first key after a restart with [new, old], publishes both, and old tokens still verify', async () => {
    const before = await signIn();
    expect(decodeProtectedHeader(before.accessToken).kid).toBe(oldKey.kid);
    expect(await publishedKids(idp.issuer)).toEqual([oldKey.kid]);

    writeFileSync(file, JSON.stringify({ keys: [newKey, oldKey] }));
    await idp.restart();

    const after = await signIn();
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKey.kid);
    expect(decodeProtectedHeader(after.idToken).kid).toBe(newKey.kid);
    expect(await publishedKids(idp.issuer)).toEqual([newKey.kid, oldKey.kid]);
    const jwks = createRemoteJWKSet(new URL((await discover(idp.issuer)).jwks_uri));
    await expect(
      jwtVerify(before.accessToken, jwks, { audience: 'mobile-bff' }),
    ).resolves.toBeDefined();
  });
});
