import { ADA } from '@bff/core-client/testing';
import { itLimitsRotatingAddresses, useSignInLimitedBff } from '@bff/bff-kit/testing';
import { Browser, expectProblem, startWebBff, useWebBff } from '../testing/web-test-app';

describe('web-bff failed sign-ins per account (real app over HTTP, TRUST_PROXY=1)', () => {
  const limited = useSignInLimitedBff(startWebBff, '203.0');
  const signIn = (email: string, password: string) =>
    new Browser(limited.app.url).signIn(email, password, limited.forwardedFor());

  itLimitsRotatingAddresses(limited, signIn, {
    signedInStatus: 201,
    problem: (retryAfter) => ({ retryAfterSeconds: retryAfter }),
  });

  it('counts other spellings of the e-mail against the same account', async () => {
    const spellings = ['ADA@EXAMPLE.COM', 'Ada@Example.com', 'ada@EXAMPLE.com', 'aDa@example.com'];
    expect(spellings.map((s) => s.toLowerCase())).toEqual(spellings.map(() => ADA.customer.email));
    for (const email of [...spellings, ADA.customer.email])
      expect((await signIn(email, 'wrong')).status).toBe(401);
    expect((await signIn(ADA.customer.email.toUpperCase(), 'wrong')).status).toBe(429);
  });

  it('keeps an attacker’s failures when the customer signs in meanwhile', async () => {
    for (let i = 0; i < 4; i++)
      expect((await signIn(ADA.customer.email, 'wrong')).status).toBe(401);
    expect((await signIn(ADA.customer.email, ADA.password)).status).toBe(201);
    expect((await signIn(ADA.customer.email, 'wrong')).status).toBe(401);
    expect((await signIn(ADA.customer.email, 'wrong')).status).toBe(429);
  });

  it('refuses parallel guesses past the limit as well', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await signIn(ADA.customer.email, 'wrong')).status),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('limits an unknown e-mail exactly like a known one (the 429 reveals no account)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn('nobody@example.com', 'x')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('web-bff sessions per customer (real app over HTTP)', () => {
  const web = useWebBff({ env: { SESSION_MAX_PER_CUSTOMER: '2' } });

  it('ends the oldest session once the customer signs in past SESSION_MAX_PER_CUSTOMER', async () => {
    const [first, second, third] = [
      new Browser(web.url),
      new Browser(web.url),
      new Browser(web.url),
    ];
    for (const browser of [first, second]) expect((await browser.signIn()).status).toBe(201);
    expect(await first.signedIn()).toBe(true);
    expect((await third.signIn()).status).toBe(201);
    await expectProblem(first.fetch('/api/pages/cart'), 401, 'session_required');
    for (const browser of [second, third]) expect(await browser.signedIn()).toBe(true);
  });
});
