import { GRACE } from '@bff/core-client/testing';
import { expectBadGateway, MALFORMED_SIGN_INS } from '@bff/bff-kit/testing';
import { OidcUserAgent, SignInRefused } from '@bff/platform-auth/testing';
import { cookieValue, useWebBffWithProvider, WebSignIn, WebAnswer } from '../testing/with-provider';

// Sign-in at the REAL development provider (a process), over HTTP, as a browser does it.

/** A refused callback: 400 sign_in_failed problem+json, no session cookie, and no session. */
async function expectRefused(browser: WebSignIn, answer: WebAnswer): Promise<void> {
  expect(answer.status).toBe(400);
  expect(JSON.parse(answer.text)).toMatchObject({ code: 'sign_in_failed' });
  expect(cookieValue(answer.setCookies, '__Host-session')).toBeUndefined();
  expect((await browser.user()).signedIn).toBe(false);
}

describe('web-bff sign-in at the OpenID provider (real provider process, core-api stubbed)', () => {
  const it$ = useWebBffWithProvider();

  it('signs in: login → provider form → callback → a new session, /bff/user signed in, no token anywhere the browser sees', async () => {
    const browser = new WebSignIn(it$);
    const login = await browser.send('/bff/login?returnTo=%2Forders%3Fpage%3D2');
    expect(login.status).toBe(302);
    const authorization = new URL(login.location!);
    expect(authorization.origin).toBe(new URL(it$.idp.url).origin);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: it$.idp.webClientId,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
      scope: 'openid profile email offline_access',
    });
    const loginCookie = login.setCookies.find((c) => c.startsWith('__Host-login='))!;
    expect(loginCookie.split(';').map((a) => a.trim().toLowerCase())).toEqual(
      expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/', 'max-age=600']),
    );

    const callback = await browser.callback(await browser.atProvider(login.location!));
    expect(callback.status).toBe(303);
    expect(callback.location).toBe('/orders?page=2');
    const sessionCookie = callback.setCookies.find((c) => c.startsWith('__Host-session='))!;
    expect(sessionCookie).toMatch(/^__Host-session=[A-Za-z0-9_-]{43};/);
    expect(sessionCookie.split(';').map((a) => a.trim().toLowerCase())).toEqual(
      expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/']),
    );
    expect(cookieValue(callback.setCookies, '__Host-login')).toBe('');
    expect(callback.headers.get('cache-control')).toBe('no-store');

    const user = await browser.send('/bff/user', { headers: { 'x-csrf': '1' } });
    expect(JSON.parse(user.text)).toEqual({
      signedIn: true,
      customer: { id: 1, email: 'ada@example.com', displayName: 'Ada' },
      expiresAt: expect.any(String),
    });
    // The provider's tokens are JWTs or opaque strings: none reaches the browser.
    for (const answer of [login, callback, user])
      expect(JSON.stringify([answer.text, [...answer.headers]])).not.toMatch(/eyJ[\w-]+\./);
    expect(it$.core.calls.filter((c) => c.url === '/customers/link')).toHaveLength(1);
  });

  it('issues a new session id at every sign-in and ends the session it replaces', async () => {
    const browser = new WebSignIn(it$);
    await browser.signIn();
    const first = browser.session;
    browser.agent = new OidcUserAgent(); // signed out at the provider: Grace signs in there
    await browser.signIn('/', GRACE);
    expect(browser.session).not.toBe(first);
    expect(await browser.user()).toMatchObject({ customer: GRACE.customer });
    const old = new WebSignIn(it$);
    old.session = first;
    expect((await old.user()).signedIn).toBe(false);
  });

  it('refuses a callback whose state was changed', async () => {
    const browser = new WebSignIn(it$);
    const url = new URL(await browser.atProvider(await browser.login()));
    url.searchParams.set('state', 'attacker-state');
    await expectRefused(browser, await browser.callback(url.href));
  });

  it('refuses a callback without the login cookie, and with another browser’s', async () => {
    const victim = new WebSignIn(it$);
    const url = await victim.atProvider(await victim.login());
    const cookieless = new WebSignIn(it$);
    await expectRefused(cookieless, await cookieless.callback(url));
    // Login CSRF: the attacker's own transaction, with the victim's code.
    const attacker = new WebSignIn(it$);
    await attacker.login();
    await expectRefused(attacker, await attacker.callback(url));
    // An invented id is no transaction either.
    const forger = new WebSignIn(it$);
    forger.loginCookie = 'A'.repeat(43);
    await expectRefused(forger, await forger.callback(url));
  });

  it('refuses the same callback URL twice (a replayed code): the first session stays the only one', async () => {
    const browser = new WebSignIn(it$);
    const url = await browser.atProvider(await browser.login());
    const login = browser.loginCookie;
    expect((await browser.callback(url)).status).toBe(303);
    const session = browser.session;
    const replayer = new WebSignIn(it$);
    replayer.loginCookie = login;
    await expectRefused(replayer, await replayer.callback(url));
    // Even with a fresh transaction of its own, the code is spent (and its state is not ours).
    await replayer.login();
    await expectRefused(replayer, await replayer.callback(url));
    expect(browser.session).toBe(session);
    expect((await browser.user()).signedIn).toBe(true);
  });

  it('refuses an ID token whose nonce is not the transaction’s (nonce edited before signing in)', async () => {
    const browser = new WebSignIn(it$);
    const authorization = new URL(await browser.login());
    authorization.searchParams.set('nonce', 'attacker-nonce');
    await expectRefused(
      browser,
      await browser.callback(await browser.atProvider(authorization.href)),
    );
  });

  it.each([
    ['changed', (url: URL) => url.searchParams.set('code_challenge', 'A'.repeat(43))],
    [
      'dropped',
      (url: URL) => {
        url.searchParams.delete('code_challenge');
        url.searchParams.delete('code_challenge_method');
      },
    ],
  ])('refuses a sign-in whose PKCE challenge was %s', async (_how, tamper) => {
    const browser = new WebSignIn(it$);
    const authorization = new URL(await browser.login());
    tamper(authorization);
    let callbackUrl: string;
    try {
      callbackUrl = await browser.atProvider(authorization.href);
    } catch (error) {
      // The provider itself refused to go on: nothing came back to web-bff at all.
      expect(error).toBeInstanceOf(SignInRefused);
      return;
    }
    await expectRefused(browser, await browser.callback(callbackUrl));
  });

  it('refuses a callback carrying the provider’s error (the customer cancelled)', async () => {
    const browser = new WebSignIn(it$);
    const authorization = new URL(await browser.login());
    const state = authorization.searchParams.get('state')!;
    await expectRefused(
      browser,
      await browser.send(
        `/bff/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(it$.idp.issuer)}`,
      ),
    );
  });

  it.each([
    ['//evil.example'],
    ['/\\evil.example'],
    ['https://evil.example'],
    ['/%2F%2Fevil.example'],
    ['/%5Cevil.example'],
    ['%2F%2Fevil.example'],
    ['javascript:alert(1)'],
    ['/ok\r\nSet-Cookie: x=1'],
  ])('refuses returnTo=%s with 400, before going to the provider', async (returnTo) => {
    const browser = new WebSignIn(it$);
    const answer = await browser.send(`/bff/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(answer.status).toBe(400);
    expect(answer.location).toBeNull();
    expect(cookieValue(answer.setCookies, '__Host-login')).toBeUndefined();
  });

  it.each(MALFORMED_SIGN_INS)(
    'opens no session when core-api answers the customer link with %s: 502',
    async (_what, value) => {
      it$.core.answer('POST', '/customers/link', 200, value);
      const browser = new WebSignIn(it$);
      const answer = await browser.signIn();
      await expectBadGateway(
        new Response(answer.text, { status: answer.status, headers: answer.headers }),
      );
      expect(cookieValue(answer.setCookies, '__Host-session')).toBeUndefined();
      expect((await browser.user()).signedIn).toBe(false);
    },
  );
});
