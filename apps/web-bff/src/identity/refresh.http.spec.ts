import { ADA } from '@bff/core-client/testing';
import { refreshAt } from '@bff/platform-auth/testing';
import { ManualClock } from '@bff/platform-state';
import { SessionStore } from '@bff/bff-session';
import { useWebBffWithProvider, WebSignIn } from '../testing/with-provider';

// Token refresh before a personal route, against the REAL development provider (a process).
// web-bff's clock is a ManualClock: moving it brings the access token (300 s) within
// OIDC_REFRESH_BEFORE_SECONDS (60 s) of expiry without waiting; the provider keeps real time.

const SECOND = 1000;

describe('web-bff refreshes the access token on the server (real provider process)', () => {
  const clock = new ManualClock(Date.now());
  const it$ = useWebBffWithProvider({ clock });
  const refreshes = () =>
    it$.idp.events('grant.success').filter((e) => e.grantType === 'refresh_token');
  const recordOf = (browser: WebSignIn) => it$.web.app.get(SessionStore).read(browser.session!);
  const cart = (browser: WebSignIn) =>
    browser.send('/api/pages/cart', { headers: { 'x-csrf': '1' } });

  it('refreshes once for two concurrent requests of one session, both answering 200, and keeps the rotated tokens', async () => {
    const browser = new WebSignIn(it$);
    await browser.signIn();
    const before = (await recordOf(browser))!.tokens;
    expect((await cart(browser)).status).toBe(200);
    expect(refreshes()).toHaveLength(0); // fresh tokens are left alone

    clock.advance(250 * SECOND);
    const answers = await Promise.all([cart(browser), cart(browser)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(refreshes()).toHaveLength(1);
    const after = (await recordOf(browser))!.tokens;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken); // rotated
    expect(after.expiresAt).toBeGreaterThan(clock.now() + 200 * SECOND);
    // No token ever reaches the browser, refreshed or not.
    for (const answer of answers) expect(answer.text).not.toMatch(/eyJ[\w-]+\./);
    expect((await cart(browser)).status).toBe(200);
    expect(refreshes()).toHaveLength(1);
  });

  it('ends the session (401 session_required) once the provider refuses the refresh: the grant was revoked', async () => {
    const browser = new WebSignIn(it$);
    await browser.signIn();
    const first = (await recordOf(browser))!.tokens.refreshToken!;
    clock.advance(250 * SECOND);
    expect((await cart(browser)).status).toBe(200); // refreshed: `first` is spent
    // Someone presents the spent refresh token: the provider revokes the whole grant.
    const reuse = await refreshAt(it$.idp.issuer, it$.idp.webClientId, first, {
      clientSecret: it$.idp.webClientSecret,
    });
    expect(reuse).toMatchObject({ error: 'invalid_grant' });

    clock.advance(250 * SECOND);
    const refused = await cart(browser);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'session_required' });
    expect((await browser.user()).signedIn).toBe(false);
  });
});

describe('web-bff with another provider configuration (issuer URL, client id and secret)', () => {
  const it$ = useWebBffWithProvider({
    provider: {
      issuer: (url) => url.replace('127.0.0.1', 'localhost'),
      webClientId: 'storefront-web',
      webClientSecret: 'another-client-secret-of-at-least-32-characters',
    },
  });

  it('signs in and logs out there', async () => {
    expect(it$.idp.issuer).toMatch(/^http:\/\/localhost:\d+$/);
    const browser = new WebSignIn(it$);
    const answer = await browser.signIn('/orders');
    expect(answer.status).toBe(303);
    expect(await browser.user()).toMatchObject({ signedIn: true, customer: ADA.customer });
    const logout = await browser.send('/bff/logout', {
      method: 'POST',
      headers: { 'x-csrf': '1' },
    });
    const { endSessionUrl } = JSON.parse(logout.text) as { endSessionUrl: string };
    expect(new URL(endSessionUrl).host).toMatch(/^localhost:/);
    expect(it$.idp.events('grant.success').every((e) => e.clientId === 'storefront-web')).toBe(
      true,
    );
  });
});
