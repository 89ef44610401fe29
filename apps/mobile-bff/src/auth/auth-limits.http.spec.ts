import {
  ADA,
  expectRotatingAddressesLimited,
  FakeCoreApi,
  rotatingForwardedFor,
  useSignInLimitedBff,
} from '@bff/core-client/testing';
import { body, MobileTestApp, startMobileBff } from '../testing/test-app';

describe('mobile-bff failed sign-ins per account (real app over HTTP, TRUST_PROXY=1)', () => {
  const limited = useSignInLimitedBff(startMobileBff);
  const { core, clock } = limited;
  const forwardedFor = rotatingForwardedFor('198.51');
  const signIn = (email: string, password: string, path = '/v1/auth/token') =>
    fetch(`${limited.app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor() },
      body: JSON.stringify({ email, password }),
    });

  it('meets 429 within 25 wrong-password sign-ins from rotating X-Forwarded-For addresses, and the right password waits too', async () => {
    await expectRotatingAddressesLimited({ signIn, core, clock, signedInStatus: 200 });
  });

  it('counts failures on /v1 and /v2 and other spellings of the e-mail against one account', async () => {
    const attempts: [string, string][] = [
      [ADA.customer.email, '/v1/auth/token'],
      [ADA.customer.email.toUpperCase(), '/v2/auth/token'],
      ['Ada@Example.com', '/v1/auth/token'],
      [ADA.customer.email, '/v2/auth/token'],
      ['ada@EXAMPLE.com', '/v1/auth/token'],
    ];
    for (const [email, path] of attempts)
      expect((await signIn(email, 'wrong', path)).status).toBe(401);
    expect((await signIn(ADA.customer.email, 'wrong', '/v2/auth/token')).status).toBe(429);
  });
});

describe('mobile-bff sign-ins per customer (real app over HTTP)', () => {
  const core = new FakeCoreApi();
  let mobile: MobileTestApp;

  beforeAll(async () => {
    await core.start();
    mobile = await startMobileBff(core.url, { REFRESH_FAMILIES_MAX_PER_CUSTOMER: '2' });
  });
  afterAll(async () => {
    await mobile?.close();
    await core.stop();
  });

  const post = (path: string, payload: unknown) =>
    fetch(`${mobile.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  const signIn = async () =>
    body(post('/v1/auth/token', { email: ADA.customer.email, password: ADA.password }));
  const cart = (accessToken: string) =>
    fetch(`${mobile.url}/v1/screens/cart`, { headers: { authorization: `Bearer ${accessToken}` } });

  it('revokes the oldest sign-in once the customer signs in past REFRESH_FAMILIES_MAX_PER_CUSTOMER', async () => {
    const first = await signIn();
    const second = await signIn();
    expect((await cart(first.accessToken)).status).toBe(200);
    const third = await signIn();
    expect((await cart(first.accessToken)).status).toBe(401);
    const refreshed = await post('/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(400);
    expect(await body(refreshed)).toMatchObject({ code: 'invalid_grant' });
    for (const live of [second, third]) expect((await cart(live.accessToken)).status).toBe(200);
  });
});
