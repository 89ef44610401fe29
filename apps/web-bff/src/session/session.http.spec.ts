import { ManualClock } from '@bff/platform-state';
import { ADA } from '@bff/core-client/testing';
import { body, Browser, expectProblem, useWebBff } from '../testing/web-test-app';

// Sessions as the rest of web-bff sees them, opened in the app's SessionStore (signInAs); the
// sign-in that opens them at the provider is tested in src/identity against the real provider.

const MINUTE = 60_000;
/** What GET /bff/user answers for Ada's session. */
const SIGNED_IN_AS_ADA = { signedIn: true, customer: ADA.customer, expiresAt: expect.any(String) };
const REDIS_URL = process.env['REDIS_URL'];
const CLEARED = /__Host-session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i;

describe('web-bff sessions (real app over HTTP, core-api stubbed)', () => {
  const clock = new ManualClock();
  const web = useWebBff({ clock });
  const { core } = web;

  it('answers GET /bff/user with the customer, or 200 { signedIn: false } without a session (not an error)', async () => {
    const browser = new Browser(web.url);
    const anonymous = await browser.fetch('/bff/user');
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/json/);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    expect(await body(anonymous)).toEqual({ signedIn: false });
    // Personal routes still refuse a visitor without a session.
    const cart = await browser.fetch('/api/pages/cart');
    expect(cart.headers.get('location')).toBeNull();
    await expectProblem(cart, 401, 'session_required');

    await browser.signInAs(web.app);
    const me = await browser.fetch('/bff/user');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(await body(me)).toEqual(SIGNED_IN_AS_ADA);
  });

  it('clears a dead cookie when asked whether the browser is signed in', async () => {
    const browser = new Browser(web.url);
    browser.cookie = 'A'.repeat(43);
    const res = await browser.fetch('/bff/user');
    expect(await body(res)).toEqual({ signedIn: false });
    expect(res.headers.getSetCookie().join()).toMatch(CLEARED);
  });

  it('makes the old cookie useless after logout (401), and clears it in the browser, even with the provider down', async () => {
    const browser = new Browser(web.url);
    await browser.signInAs(web.app);
    const stolen = browser.cookie!;
    const out = await browser.fetch('/bff/logout', { method: 'POST' });
    expect(out.status).toBe(200);
    // No provider runs in this spec: the session still ends here, without an end-session URL.
    expect(await body(out)).toEqual({ signedIn: false });
    expect(out.headers.getSetCookie().join()).toMatch(CLEARED);
    const replay = new Browser(web.url);
    replay.cookie = stolen;
    expect((await replay.fetch('/api/pages/cart')).status).toBe(401);
    replay.cookie = stolen;
    expect(await replay.signedIn()).toBe(false);
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
    await browser.signInAs(web.app);
    clock.advance(29 * MINUTE);
    expect(await browser.signedIn()).toBe(true);
    clock.advance(29 * MINUTE); // used 29 min ago: still alive
    expect((await browser.fetch('/api/pages/cart')).status).toBe(200);
    clock.advance(30 * MINUTE);
    await expectProblem(browser.fetch('/api/pages/cart'), 401);
  });

  it('ends even a busy session at the absolute timeout (12 h after sign-in)', async () => {
    const browser = new Browser(web.url);
    await browser.signInAs(web.app);
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

  it('answers 429 with Retry-After once AUTH_RATE_LIMIT_MAX sign-ins were started', async () => {
    const statuses: number[] = [];
    // No provider runs here: each attempt is a 503, and still counts.
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${web.url}/bff/login`, { redirect: 'manual' })).status);
    expect(statuses).toEqual([503, 503, 503]);
    const limited = await fetch(`${web.url}/bff/login`, { redirect: 'manual' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expectProblem(limited, 429);
    // Pages are held to the general limit only.
    expect((await new Browser(web.url).fetch('/api/pages/home')).status).toBe(200);
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
      await onOne.signInAs(one.app);
      const onTwo = new Browser(two.url);
      onTwo.cookie = onOne.cookie;
      const me = await onTwo.fetch('/bff/user');
      expect(me.status).toBe(200);
      expect((await body<{ customer: unknown }>(me)).customer).toEqual(ADA.customer);
      expect((await onTwo.fetch('/bff/logout', { method: 'POST' })).status).toBe(200);
      expect(await onOne.signedIn()).toBe(false);
    },
  );
});
