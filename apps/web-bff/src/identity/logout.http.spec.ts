import { GRACE } from '@bff/core-client/testing';
import { OidcUserAgent, refreshAt } from '@bff/platform-auth/testing';
import { SessionStore } from '@bff/bff-session';
import { cookieValue, useWebBffWithProvider, WebSignIn } from '../testing/with-provider';

// Logout and sign-out everywhere against the REAL development provider (a process).

describe('web-bff logout (real provider process, core-api stubbed)', () => {
  const it$ = useWebBffWithProvider();
  /** The refresh token web-bff keeps for this browser's session (read on the server side). */
  const refreshTokenOf = async (browser: WebSignIn) =>
    (await it$.web.app.get(SessionStore).read(browser.session!))?.tokens.refreshToken;
  const logout = (browser: WebSignIn, path = '/bff/logout') =>
    browser.send(path, { method: 'POST', headers: { 'x-csrf': '1' } });

  it('ends the session, revokes its refresh token at the provider and answers the end-session URL', async () => {
    const browser = new WebSignIn(it$);
    await browser.signIn();
    const refreshToken = await refreshTokenOf(browser);
    expect(refreshToken).toEqual(expect.any(String));
    const session = browser.session;

    const answer = await logout(browser);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(cookieValue(answer.setCookies, '__Host-session')).toBe('');
    const { signedIn, endSessionUrl } = JSON.parse(answer.text) as {
      signedIn: boolean;
      endSessionUrl: string;
    };
    expect(signedIn).toBe(false);
    const end = new URL(endSessionUrl);
    expect(end.origin).toBe(new URL(it$.idp.url).origin);
    // The browser navigates there: it names the client, never carries the ID token.
    expect(end.searchParams.get('client_id')).toBe(it$.idp.webClientId);
    expect(end.searchParams.has('id_token_hint')).toBe(false);
    expect(endSessionUrl).not.toMatch(/eyJ/);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${new URL(it$.url).origin}/`);

    // The refresh token no longer works at the provider, and the old cookie opens nothing.
    const refused = await refreshAt(it$.idp.issuer, it$.idp.webClientId, refreshToken!, {
      clientSecret: it$.idp.webClientSecret,
    });
    expect(refused).toMatchObject({ error: 'invalid_grant' });
    const replay = new WebSignIn(it$);
    replay.session = session;
    expect((await replay.user()).signedIn).toBe(false);
    // The page then ends the provider's session: the browser is sent back to the storefront.
    expect(await browser.agent.signOut(endSessionUrl)).toBe(`${new URL(it$.url).origin}/`);
  });

  it('needs the CSRF header like every route that changes something', async () => {
    const browser = new WebSignIn(it$);
    await browser.signIn();
    const forged = await browser.send('/bff/logout', { method: 'POST' });
    expect(forged.status).toBe(403);
    expect((await browser.user()).signedIn).toBe(true);
  });

  it('signs out everywhere: ends both sessions of the customer (not another customer’s) and revokes their tokens', async () => {
    const [laptop, phone] = [new WebSignIn(it$), new WebSignIn(it$)];
    await laptop.signIn();
    await phone.signIn();
    const grace = new WebSignIn(it$);
    grace.agent = new OidcUserAgent();
    await grace.signIn('/', GRACE);
    const tokens = [await refreshTokenOf(laptop), await refreshTokenOf(phone)];

    const answer = await logout(laptop, '/bff/sign-out-everywhere');
    expect(answer.status).toBe(200);
    const ended = JSON.parse(answer.text) as { signedIn: boolean; endedSessions: number };
    expect(ended.signedIn).toBe(false);
    // These two, and any Ada session an earlier test left open.
    expect(ended.endedSessions).toBeGreaterThanOrEqual(2);
    expect((await laptop.user()).signedIn).toBe(false);
    expect((await phone.user()).signedIn).toBe(false);
    expect((await grace.user()).signedIn).toBe(true);
    for (const token of tokens) {
      const refused = await refreshAt(it$.idp.issuer, it$.idp.webClientId, token!, {
        clientSecret: it$.idp.webClientSecret,
      });
      expect(refused).toMatchObject({ error: 'invalid_grant' });
    }
    // Without a session there is nothing to sign out of.
    expect((await logout(laptop, '/bff/sign-out-everywhere')).status).toBe(401);
  });
});
