import { ADA } from '@bff/core-client/testing';
import { ManualClock } from '@bff/platform-state';
import { SignJWT, UnsecuredJWT } from 'jose';
import {
  body,
  expectProblem,
  Phone,
  TEST_ACCESS_TOKEN_SECRET,
  Tokens,
  useMobileBff,
} from '../testing/test-app';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './auth.options';

const SECOND = 1000;
const DAY = 86_400 * SECOND;

describe('app sign-in with rotating refresh tokens (real HTTP, fake core-api, manual clock)', () => {
  const clock = new ManualClock();
  const mobile = useMobileBff({ env: { REFRESH_REUSE_GRACE_MS: '15000' }, clock });

  /** The token endpoints need no access token: each call from a phone without one. */
  const post = (path: string, json: unknown) => new Phone(mobile.url).post(path, json);
  const signIn = () => new Phone(mobile.url).signIn();
  const refresh = (refreshToken: string) => post('/v1/auth/refresh', { refreshToken });
  const cart = (accessToken: string) =>
    fetch(`${mobile.url}/v1/screens/cart`, { headers: { authorization: `Bearer ${accessToken}` } });
  const expectInvalidGrant = (res: Response) => expectProblem(res, 400, 'invalid_grant');

  it('issues a short-lived bearer access token and an opaque refresh token for good credentials', async () => {
    const res = await post('/v1/auth/token', { email: ADA.customer.email, password: ADA.password });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const answer = await body<Tokens>(res);
    expect(answer).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      tokenType: 'Bearer',
      expiresIn: 600,
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const claims = JSON.parse(
      Buffer.from(answer.accessToken.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims).toMatchObject({
      iss: ACCESS_TOKEN_ISSUER,
      aud: ACCESS_TOKEN_AUDIENCE,
      sub: String(ADA.customer.id),
    });
    expect(claims.exp - claims.iat).toBe(600);
    expect((await cart(answer.accessToken)).status).toBe(200);
  });

  it('answers 401 problem+json for a wrong password and 400 for a malformed body', async () => {
    const wrong = await post('/v1/auth/token', { email: ADA.customer.email, password: 'nope' });
    await expectProblem(wrong, 401, 'invalid_credentials');
    expect((await post('/v1/auth/token', { email: 'not-an-email', password: 'x' })).status).toBe(
      400,
    );
    expect((await post('/v1/auth/refresh', { refreshToken: 'short' })).status).toBe(400);
  });

  it('rotates: each refresh token works once and hands out a working successor', async () => {
    const first = await signIn();
    const res = await refresh(first.refreshToken);
    expect(res.status).toBe(200);
    const second = await body<Tokens>(res);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await cart(second.accessToken)).status).toBe(200);
    const third = await body<Tokens>(refresh(second.refreshToken));
    expect(third.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('revokes the whole family when a spent refresh token comes back, so its successor stops working too', async () => {
    const first = await signIn();
    const second = await body<Tokens>(refresh(first.refreshToken));
    clock.advance(20 * SECOND); // past the grace window
    await expectInvalidGrant(await refresh(first.refreshToken));
    await expectInvalidGrant(await refresh(second.refreshToken));
    const denied = await cart(second.accessToken);
    expect(denied.status).toBe(401);
  });

  it('gives concurrent refreshes of one token the same successor, without revoking anything', async () => {
    const first = await signIn();
    const answers = await Promise.all([
      refresh(first.refreshToken),
      refresh(first.refreshToken),
      refresh(first.refreshToken),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(answers.map((r) => body<Tokens>(r)));
    expect(new Set(bodies.map((b) => b.refreshToken)).size).toBe(1);
    for (const answer of bodies) expect((await cart(answer.accessToken)).status).toBe(200);
    expect((await refresh(bodies[0]!.refreshToken)).status).toBe(200);
  });

  it('treats the previous token as reuse after the grace window', async () => {
    const first = await signIn();
    const second = await body<Tokens>(refresh(first.refreshToken));
    clock.advance(14 * SECOND);
    expect((await refresh(first.refreshToken)).status).toBe(200); // still within 15 s
    clock.advance(2 * SECOND);
    await expectInvalidGrant(await refresh(first.refreshToken));
    await expectInvalidGrant(await refresh(second.refreshToken));
  });

  it('treats a token two rotations old as reuse even within the grace window', async () => {
    const first = await signIn();
    const second = await body<Tokens>(refresh(first.refreshToken));
    const third = await body<Tokens>(refresh(second.refreshToken));
    await expectInvalidGrant(await refresh(first.refreshToken));
    await expectInvalidGrant(await refresh(third.refreshToken));
  });

  it('signs out: logout revokes the refresh token and the access tokens of the sign-in', async () => {
    const session = await signIn();
    const res = await post('/v1/auth/logout', { refreshToken: session.refreshToken });
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ signedOut: true });
    await expectInvalidGrant(await refresh(session.refreshToken));
    expect((await cart(session.accessToken)).status).toBe(401);
    expect((await post('/v1/auth/logout', { refreshToken: 'A'.repeat(43) })).status).toBe(200);
  });

  it('refuses an access token once its lifetime has passed', async () => {
    const session = await signIn();
    clock.advance(590 * SECOND);
    expect((await cart(session.accessToken)).status).toBe(200);
    clock.advance(20 * SECOND);
    expect((await cart(session.accessToken)).status).toBe(401);
    expect((await refresh(session.refreshToken)).status).toBe(200);
  });

  it('ends a sign-in after its absolute lifetime, however often it was rotated', async () => {
    let session = await signIn();
    for (const _week of [1, 2, 3, 4]) {
      clock.advance(7 * DAY);
      const res = await refresh(session.refreshToken);
      expect(res.status).toBe(200);
      session = await body<Tokens>(res);
    }
    clock.advance(2 * DAY + SECOND); // 30 days and a second after signing in
    const expired = await refresh(session.refreshToken);
    await expectInvalidGrant(expired);
  });

  describe('every bad access token is a 401 problem', () => {
    const key = new TextEncoder().encode(TEST_ACCESS_TOKEN_SECRET);
    const now = () => Math.floor(clock.now() / 1000);
    const token = (
      overrides: {
        iss?: string;
        aud?: string;
        iat?: number;
        nbf?: number;
        exp?: number;
        alg?: string;
        typ?: string;
        fam?: string;
      } = {},
      secret: Uint8Array = key,
    ) =>
      new SignJWT({ fam: overrides.fam ?? 'AAAAAAAAAAAAAAAAAAAAAA' })
        .setProtectedHeader({ alg: overrides.alg ?? 'HS256', typ: overrides.typ ?? 'at+jwt' })
        .setIssuer(overrides.iss ?? ACCESS_TOKEN_ISSUER)
        .setAudience(overrides.aud ?? ACCESS_TOKEN_AUDIENCE)
        .setSubject(String(ADA.customer.id))
        .setIssuedAt(overrides.iat ?? now())
        .setNotBefore(overrides.nbf ?? now())
        .setExpirationTime(overrides.exp ?? now() + 300)
        .sign(secret);

    it('accepts a well-formed token signed with the configured key (the baseline)', async () => {
      // The guard also wants the token's sign-in (`fam`) to be live: take one from a real sign-in.
      const { accessToken } = await signIn();
      const [, payload = ''] = accessToken.split('.');
      const { fam } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { fam: string };
      expect((await cart(await token({ fam }))).status).toBe(200);
      expect((await cart(await token())).status).toBe(401);
    });

    it.each<[string, () => Promise<string | undefined>]>([
      ['missing', async () => undefined],
      ['malformed', async () => 'not.a.jwt'],
      [
        'signed with another key',
        () => token({}, new TextEncoder().encode('another-secret-of-at-least-32-bytes!!')),
      ],
      [
        'alg none',
        async () =>
          new UnsecuredJWT({ fam: 'AAAAAAAAAAAAAAAAAAAAAA' })
            .setIssuer(ACCESS_TOKEN_ISSUER)
            .setAudience(ACCESS_TOKEN_AUDIENCE)
            .setSubject(String(ADA.customer.id))
            .setIssuedAt(now())
            .setNotBefore(now())
            .setExpirationTime(now() + 300)
            .encode(),
      ],
      ['another algorithm (HS512)', () => token({ alg: 'HS512' })],
      ['a wrong issuer', () => token({ iss: 'web-bff' })],
      ['a wrong audience', () => token({ aud: 'core-api' })],
      ['expired', () => token({ iat: now() - 700, nbf: now() - 700, exp: now() - 60 })],
      ['not yet valid', () => token({ iat: now(), nbf: now() + 120, exp: now() + 300 })],
      [
        'issued for longer than the access-token lifetime',
        () => token({ iat: now() - 800, exp: now() + 600 }),
      ],
    ])('refuses a token that is %s', async (_case, make) => {
      const value = await make();
      const res = await fetch(`${mobile.url}/v1/screens/cart`, {
        headers: value === undefined ? {} : { authorization: `Bearer ${value}` },
      });
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
      await expectProblem(res, 401, 'invalid_token');
    });
  });
});
