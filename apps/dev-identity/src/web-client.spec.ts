import { DEMO_CUSTOMERS } from '@bff/demo-customers';
import {
  type DevIdentity,
  type DevIdentityOptions,
  discover,
  OidcUserAgent,
  pkcePair,
  refreshAt,
  SignInRefused,
  tokenRequest,
  useDevIdentity,
} from '@bff/platform-auth/testing';
import { BackChannelReceiver, listenForBackChannelLogouts } from './testing/back-channel-receiver';

const ada = DEMO_CUSTOMERS[0]!;
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());

/** The web BFF's sign-in: code + PKCE in the browser, then the code exchanged with its secret. */
async function webSignIn(idp: DevIdentity, webUrl: string, agent = new OidcUserAgent()) {
  const metadata = await discover(idp.issuer);
  const { verifier, challenge } = pkcePair();
  const redirectUri = `${webUrl}/bff/callback`;
  const url = new URL(metadata.authorization_endpoint);
  const query = {
    client_id: idp.webClientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile email offline_access',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'web-state',
    nonce: 'web-nonce',
  };
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const callback = new URL(await agent.signIn(url.href, ada));
  const code = callback.searchParams.get('code')!;
  const exchange = () =>
    tokenRequest(
      metadata.token_endpoint,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      },
      { clientId: idp.webClientId, clientSecret: idp.webClientSecret },
    );
  return { metadata, callback, agent, exchange };
}

describe('the web client (confidential, code + PKCE)', () => {
  const web = 'http://127.0.0.1:3001';
  const idp = useDevIdentity();

  it('signs in a demo customer and exchanges the code (client_secret_basic) for ID, access and refresh tokens', async () => {
    const { callback, exchange } = await webSignIn(idp, web);
    expect(callback.origin + callback.pathname).toBe(`${web}/bff/callback`);
    expect(callback.searchParams.get('state')).toBe('web-state');
    const tokens = await exchange();
    expect(tokens).toMatchObject({ status: 200, token_type: 'Bearer' });
    expect(tokens.access_token && tokens.refresh_token).toBeTruthy();
    expect(claimsOf(tokens.id_token!)).toMatchObject({
      iss: idp.issuer,
      aud: idp.webClientId,
      sub: ada.subject,
      email: ada.email,
      email_verified: true,
      name: ada.displayName,
      nonce: 'web-nonce',
      sid: expect.any(String),
    });
  });

  it('lets a code be used once: the second exchange is invalid_grant', async () => {
    const { exchange } = await webSignIn(idp, web);
    expect((await exchange()).status).toBe(200);
    expect(await exchange()).toMatchObject({ status: 400, error: 'invalid_grant' });
  });

  it.each([
    ['a wrong password', { email: ada.email, password: 'not-the-password' }],
    ['an unknown e-mail', { email: 'mallory@example.com', password: ada.password }],
  ])('shows the form again with an error, and no code, for %s', async (_, credentials) => {
    const { authorization_endpoint } = await discover(idp.issuer);
    const { challenge } = pkcePair();
    const url = new URL(authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: idp.webClientId,
      redirect_uri: `${web}/bff/callback`,
      response_type: 'code',
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    const refusal = await new OidcUserAgent().signIn(url.href, credentials).catch((e) => e);
    expect(refusal).toBeInstanceOf(SignInRefused);
    expect(refusal.message).toContain('Wrong e-mail or password.');
    expect(refusal.page.status).toBe(200);
    expect(refusal.page.body).toMatch(/<input[^>]+name="password"/);
    expect(refusal.page.location).toBeUndefined();
  });

  it('rotates the refresh token on every use; reusing an old one revokes the whole grant', async () => {
    const tokens = await (await webSignIn(idp, web)).exchange();
    const client = { clientSecret: idp.webClientSecret };
    const refreshes = idp.events('grant.success').filter((e) => e.grantType === 'refresh_token');

    const next = await refreshAt(idp.issuer, idp.webClientId, tokens.refresh_token!, client);
    expect(next).toMatchObject({ status: 200, id_token: expect.any(String) });
    expect(next.refresh_token).not.toBe(tokens.refresh_token);

    const reused = await refreshAt(idp.issuer, idp.webClientId, tokens.refresh_token!, client);
    expect(reused).toMatchObject({ status: 400, error: 'invalid_grant' });
    const after = await refreshAt(idp.issuer, idp.webClientId, next.refresh_token!, client);
    expect(after).toMatchObject({ status: 400, error: 'invalid_grant' });

    const now = idp.events('grant.success').filter((e) => e.grantType === 'refresh_token');
    expect(now.length - refreshes.length).toBe(1);
    expect(idp.events('grant.revoked').length).toBeGreaterThan(0);
  });

  it("refuses another client's refresh token and a wrong secret", async () => {
    const tokens = await (await webSignIn(idp, web)).exchange();
    expect(
      await refreshAt(idp.issuer, idp.webClientId, tokens.refresh_token!, {
        clientSecret: 'x'.repeat(40),
      }),
    ).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(await refreshAt(idp.issuer, idp.mobileClientId, tokens.refresh_token!)).toMatchObject({
      status: 400,
      error: 'invalid_grant',
    });
  });
});

describe('logout (RP-initiated, then back-channel to the web BFF)', () => {
  const received: string[] = [];
  let webBff: BackChannelReceiver;
  let web = '';
  const options: DevIdentityOptions = {};

  beforeAll(async () => {
    webBff = await listenForBackChannelLogouts(received);
    web = webBff.url;
    options.webBffUrls = [web];
  });
  afterAll(() => webBff.close());
  const idp = useDevIdentity(options);

  it('confirms on a plain page, redirects back, sends a logout token with the sid, and ends the grant', async () => {
    const { metadata, agent, exchange } = await webSignIn(idp, web);
    const tokens = await exchange();
    const { sid } = claimsOf(tokens.id_token!);

    const logout = new URL(metadata.end_session_endpoint!);
    logout.search = new URLSearchParams({
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: `${web}/`,
      state: 'bye',
    }).toString();
    expect(await agent.signOut(logout.href)).toBe(`${web}/?state=bye`);

    expect(received).toHaveLength(1);
    const logoutToken = claimsOf(new URLSearchParams(received[0]).get('logout_token')!);
    expect(logoutToken).toMatchObject({
      iss: idp.issuer,
      aud: idp.webClientId,
      sub: ada.subject,
      sid,
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    });
    expect(idp.events('backchannel.success')).toEqual([
      expect.objectContaining({ clientId: idp.webClientId, sid }),
    ]);
    expect(idp.events('end_session.success')).toHaveLength(1);
    expect(
      await refreshAt(idp.issuer, idp.webClientId, tokens.refresh_token!, {
        clientSecret: idp.webClientSecret,
      }),
    ).toMatchObject({ status: 400, error: 'invalid_grant' });
  });
});
