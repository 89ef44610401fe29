import { generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OidcClient, SessionStore } from '@bff/bff-session';
import { useWebBffWithProvider, WebSignIn } from '../testing/with-provider';

// Back-channel logout from the REAL development provider (a process), and forged calls.

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const FORM = 'application/x-www-form-urlencoded';

/** Polls `check` until true (a wide margin: the provider calls back on its own schedule). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return check();
}

describe('web-bff back-channel logout (real provider process, core-api stubbed)', () => {
  const it$ = useWebBffWithProvider();
  const recordOf = (browser: WebSignIn) => it$.web.app.get(SessionStore).read(browser.session!);

  /** The provider's own signing key, from its key file: a logout token exactly as it makes one. */
  const providerKey = async () => {
    const { keys } = JSON.parse(
      readFileSync(join(it$.idp.keysDir, 'dev-identity.jwks.json'), 'utf8'),
    ) as { keys: (JWK & { kid: string; alg?: string })[] };
    const jwk = keys[0]!;
    return { key: await importJWK(jwk, jwk.alg ?? 'ES256'), kid: jwk.kid, alg: jwk.alg ?? 'ES256' };
  };
  /** A valid logout token's claims; the claims given win (a test overrides iss, aud, exp… to forge). */
  const logoutClaims = (claims: Record<string, unknown>) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: it$.idp.issuer,
      aud: it$.idp.webClientId,
      iat: now,
      exp: now + 120,
      jti: randomUUID(),
      events: { [EVENT]: {} },
      ...claims,
    };
  };

  const logoutToken = async (
    claims: Record<string, unknown>,
    signer?: Awaited<ReturnType<typeof providerKey>>,
  ) => {
    const { key, kid, alg } = signer ?? (await providerKey());
    return new SignJWT(logoutClaims(claims))
      .setProtectedHeader({ alg, kid, typ: 'logout+jwt' })
      .sign(key);
  };
  const post = (token: string, type = FORM) =>
    fetch(`${it$.url}/bff/backchannel-logout`, {
      method: 'POST',
      headers: { 'content-type': type },
      body:
        type === FORM
          ? `logout_token=${encodeURIComponent(token)}`
          : JSON.stringify({ logout_token: token }),
    });

  it('ends the session when the customer logs out at the provider (RP-initiated logout there)', async () => {
    const browser = new WebSignIn(it$);
    await browser.signIn();
    const record = await recordOf(browser);
    expect(record?.sid).toEqual(expect.any(String));
    // Another app (or the provider's own page) ends the provider session: web-bff still holds its own.
    const endSession = await it$.web.app.get(OidcClient).endSessionUrl();
    await browser.agent.signOut(endSession!);
    expect(await eventually(async () => !(await browser.user()).signedIn)).toBe(true);
    expect(it$.idp.events('backchannel.success').length).toBeGreaterThanOrEqual(1);
  });

  it('ends the sessions a logout token names by sid, answering 200 with Cache-Control: no-store', async () => {
    const browser = new WebSignIn(it$);
    await browser.signIn();
    const { sid, subject } = (await recordOf(browser))!;
    const res = await post(await logoutToken({ sid, sub: subject }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await browser.user()).signedIn).toBe(false);
  });

  it('refuses a replayed logout token: the second post of the same token is 400', async () => {
    const browser = new WebSignIn(it$);
    await browser.signIn();
    const { sid } = (await recordOf(browser))!;
    const token = await logoutToken({ sid });
    expect((await post(token)).status).toBe(200);
    const replay = await post(token);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({
      code: 'invalid_request',
      error: 'invalid_request',
    });
  });

  it.each([
    [
      'signed by another key',
      async (claims: Record<string, unknown>) => {
        const { privateKey } = await generateKeyPair('ES256');
        const kid = (await providerKey()).kid; // even claiming the provider's key id
        return logoutToken(claims, { key: privateKey, kid, alg: 'ES256' });
      },
    ],
    [
      'unsigned (alg none)',
      async (claims: Record<string, unknown>) => {
        const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `${part({ alg: 'none', typ: 'logout+jwt' })}.${part(logoutClaims(claims))}.`;
      },
    ],
    [
      'for another client',
      (claims: Record<string, unknown>) => logoutToken({ ...claims, aud: 'another-client' }),
    ],
    [
      'from another issuer',
      (claims: Record<string, unknown>) => logoutToken({ ...claims, iss: 'https://evil.example' }),
    ],
    [
      'carrying a nonce (an ID token in disguise)',
      (claims: Record<string, unknown>) => logoutToken({ ...claims, nonce: 'n' }),
    ],
    [
      'without the logout event',
      (claims: Record<string, unknown>) => logoutToken({ ...claims, events: {} }),
    ],
    [
      'without jti',
      (claims: Record<string, unknown>) => logoutToken({ ...claims, jti: undefined }),
    ],
    ['naming neither sid nor sub', () => logoutToken({})],
    [
      'expired',
      (claims: Record<string, unknown>) =>
        logoutToken({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }),
    ],
  ])('refuses a logout token %s with 400, and the session stays', async (_what, make) => {
    const browser = new WebSignIn(it$);
    await browser.signIn();
    const { sid, subject } = (await recordOf(browser))!;
    const res = await post(await make({ sid, sub: subject }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await browser.user()).signedIn).toBe(true);
  });

  it('takes only a form body: JSON, text and multipart are 415, and the session stays', async () => {
    const browser = new WebSignIn(it$);
    await browser.signIn();
    const token = await logoutToken({ sid: (await recordOf(browser))!.sid });
    for (const type of ['application/json', 'text/plain', 'multipart/form-data; boundary=x'])
      expect((await post(token, type)).status).toBe(415);
    expect((await browser.user()).signedIn).toBe(true);
  });
});
