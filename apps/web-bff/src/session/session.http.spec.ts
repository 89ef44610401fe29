import { ManualClock } from '@bff/platform-state';
import { ADA } from '@bff/core-client/testing';
import { body, Browser, expectProblem, useWebBff } from '../testing/web-test-app';

const MINUTE = 60_000;
/** What GET /api/session and a sign-in answer for Ada's session. */
const SIGNED_IN_AS_ADA = { signedIn: true, customer: ADA.customer, expiresAt: expect.any(String) };
const REDIS_URL = process.env['REDIS_URL'];

describe('web-bff sessions (real app over HTTP, core-api stubbed)', () => {
  const clock = new ManualClock();
  const web = useWebBff({ clock });
  const { core } = web;

  it('sets a __Host- cookie that is Secure, HttpOnly, SameSite=Strict, Path=/ and has no Domain', async () => {
    const res = await new Browser(web.url).signIn();
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-session='))!;
    const attributes = cookie.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(
      expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/']),
    );
    expect(attributes.some((a) => a.startsWith('domain'))).toBe(false);
    // 32 random bytes, base64url: 256 bits, well over the 128 the rules ask for.
    expect(cookie).toMatch(/^__Host-session=[A-Za-z0-9_-]{43};/);
    expect(await body(res)).toEqual(SIGNED_IN_AS_ADA);
  });

  it('answers GET /api/session with the customer, or 200 { signedIn: false } without a session (not an error)', async () => {
    const browser = new Browser(web.url);
    const anonymous = await browser.fetch('/api/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/json/);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    expect(await body(anonymous)).toEqual({ signedIn: false });
    // Personal routes still refuse a visitor without a session.
    const cart = await browser.fetch('/api/pages/cart');
    expect(cart.headers.get('location')).toBeNull();
    await expectProblem(cart, 401, 'session_required');

    await browser.signIn();
    const me = await browser.fetch('/api/session');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(await body(me)).toEqual(SIGNED_IN_AS_ADA);
  });

  it('clears a dead cookie when asked whether the browser is signed in', async () => {
    const browser = new Browser(web.url);
    browser.cookie = 'A'.repeat(43);
    const res = await browser.fetch('/api/session');
    expect(await body(res)).toEqual({ signedIn: false });
    expect(res.headers.getSetCookie().join()).toMatch(
      /__Host-session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i,
    );
  });

  it('issues a new id at every sign-in and ends the session it replaces', async () => {
    const browser = new Browser(web.url);
    await browser.signIn();
    const first = browser.cookie!;
    await browser.signIn();
    const second = browser.cookie!;
    expect(second).not.toBe(first);
    const old = new Browser(web.url);
    old.cookie = first;
    expect(await old.signedIn()).toBe(false);
    expect(await browser.signedIn()).toBe(true);
  });

  it('makes the old cookie useless after sign-out (401), and clears it in the browser', async () => {
    const browser = new Browser(web.url);
    await browser.signIn();
    const stolen = browser.cookie!;
    const out = await browser.fetch('/api/session', { method: 'DELETE' });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(
      /__Host-session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i,
    );
    const replay = new Browser(web.url);
    replay.cookie = stolen;
    expect((await replay.fetch('/api/pages/cart')).status).toBe(401);
    replay.cookie = stolen;
    expect(await replay.signedIn()).toBe(false);
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const res = await new Browser(web.url).signIn(ADA.customer.email, 'wrong');
    expect(res.headers.getSetCookie()).toEqual([]);
    await expectProblem(res, 401, 'invalid_credentials');
  });

  it('rejects an invented or malformed session id without asking core-api', async () => {
    for (const value of ['A'.repeat(43), 'not-a-session', '']) {
      const browser = new Browser(web.url);
      browser.cookie = value;
      expect((await browser.fetch('/api/pages/orders')).status).toBe(401);
    }
    expect(core.calls).toEqual([]);
  });

  it('ends a session left idle for the idle timeout (30 min), checked on the server', async () => {
    const browser = new Browser(web.url);
    await browser.signIn();
    clock.advance(29 * MINUTE);
    expect(await browser.signedIn()).toBe(true);
    clock.advance(29 * MINUTE); // used 29 min ago: still alive
    expect((await browser.fetch('/api/pages/cart')).status).toBe(200);
    clock.advance(30 * MINUTE);
    await expectProblem(browser.fetch('/api/pages/cart'), 401);
  });

  it('ends even a busy session at the absolute timeout (12 h after sign-in)', async () => {
    const browser = new Browser(web.url);
    await browser.signIn();
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      clock.advance(20 * MINUTE);
      expect(await browser.signedIn()).toBe(true);
    }
    clock.advance(20 * MINUTE);
    expect(await browser.signedIn()).toBe(false);
  });
});

describe('web-bff sign-in rate limit', () => {
  const web = useWebBff({ env: { AUTH_RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' } });
  const { core } = web;

  it('answers 429 with Retry-After once AUTH_RATE_LIMIT_MAX sign-ins were tried, without asking core-api', async () => {
    const browser = new Browser(web.url);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await browser.signIn(ADA.customer.email, 'wrong')).status);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await browser.signIn();
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expectProblem(limited, 429);
    expect(core.calls.filter((c) => c.url === '/auth/verify')).toHaveLength(3);
    // Pages are held to the general limit only.
    expect((await browser.fetch('/api/pages/home')).status).toBe(200);
  });
});

describe('web-bff replicas sharing Redis', () => {
  // Without REDIS_URL the test is skipped, and so are the hooks that would start the replicas.
  const env = { REDIS_URL: REDIS_URL ?? '' };
  const one = useWebBff({ env });
  const two = useWebBff({ core: one.core, env });

  (REDIS_URL ? it : it.skip)(
    `accept on one replica a session created on the other (${REDIS_URL ? REDIS_URL : 'SKIPPED: REDIS_URL is not set'})`,
    async () => {
      const onOne = new Browser(one.url);
      await onOne.signIn();
      const onTwo = new Browser(two.url);
      onTwo.cookie = onOne.cookie;
      const me = await onTwo.fetch('/api/session');
      expect(me.status).toBe(200);
      expect((await body<{ customer: unknown }>(me)).customer).toEqual(ADA.customer);
      expect((await onTwo.fetch('/api/session', { method: 'DELETE' })).status).toBe(200);
      expect(await onOne.signedIn()).toBe(false);
    },
  );
});
