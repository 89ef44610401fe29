import { ADA } from '@bff/core-client/testing';
import { itLimitsRotatingAddresses, useSignInLimitedBff } from '@bff/bff-kit/testing';
import { expectProblem, Phone, startMobileBff, useMobileBff } from '../testing/test-app';

describe('mobile-bff failed sign-ins per account (real app over HTTP, TRUST_PROXY=1)', () => {
  const limited = useSignInLimitedBff(startMobileBff, '198.51');
  const signIn = (email: string, password: string, path?: string) =>
    new Phone(limited.app.url).token(email, password, path, limited.forwardedFor());

  itLimitsRotatingAddresses(limited, signIn, { signedInStatus: 200 });

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
  const mobile = useMobileBff({ env: { REFRESH_FAMILIES_MAX_PER_CUSTOMER: '2' } });
  const cart = (phone: Phone) => phone.fetch('/v1/screens/cart');

  it('revokes the oldest sign-in once the customer signs in past REFRESH_FAMILIES_MAX_PER_CUSTOMER', async () => {
    const [first, second, third] = [
      new Phone(mobile.url),
      new Phone(mobile.url),
      new Phone(mobile.url),
    ];
    const { refreshToken } = await first.signIn();
    await second.signIn();
    expect((await cart(first)).status).toBe(200);
    await third.signIn();
    expect((await cart(first)).status).toBe(401);
    const refreshed = new Phone(mobile.url).post('/v1/auth/refresh', { refreshToken });
    await expectProblem(refreshed, 400, 'invalid_grant');
    for (const live of [second, third]) expect((await cart(live)).status).toBe(200);
  });
});
