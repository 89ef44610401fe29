// SESSION_CLIENTS and BEARER_AUDIENCES: more BFFs (those the generator makes) registered at start,
// tried on the real provider process.
import { devSecret } from '@bff/platform-auth';
import {
  devIdentityMain,
  discover,
  type DevIdentityOptions,
  nativeAppSignIn,
  OidcUserAgent,
  pkcePair,
  refreshAt,
  tokenRequest,
  useDevIdentity,
} from '@bff/platform-auth/testing';
import { DEMO_CUSTOMERS } from '@bff/demo-customers';
import { spawnSync } from 'node:child_process';
import { BackChannelReceiver, listenForBackChannelLogouts } from './testing/back-channel-receiver';

const ada = DEMO_CUSTOMERS[0]!;
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());
const PARTNER = 'partner-bff';
const SECOND_ORIGIN = 'http://localhost:4206';

describe('SESSION_CLIENTS: a session BFF registered like the web BFF', () => {
  const received: string[] = [];
  let partner: BackChannelReceiver;
  let first = '';
  const options: DevIdentityOptions = {};

  // Runs before useDevIdentity's hook: the first origin (back-channel logout) is a real server.
  beforeAll(async () => {
    partner = await listenForBackChannelLogouts(received);
    first = partner.url;
    options.env = { SESSION_CLIENTS: ` ${PARTNER}=${first}/ | ${SECOND_ORIGIN} ` };
  });
  afterAll(() => partner.close());
  const idp = useDevIdentity(options);
  /** The shared development secret the provider registered, as @bff/bff-session reads it. */
  const partnerSecret = () => devSecret(idp.keysDir, `${PARTNER}.oidc-client-secret`).value;

  async function partnerSignIn(origin: string, agent = new OidcUserAgent()) {
    const metadata = await discover(idp.issuer);
    const { verifier, challenge } = pkcePair();
    const redirectUri = `${origin}/bff/callback`;
    const url = new URL(metadata.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: PARTNER,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile email offline_access',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'partner-state',
      nonce: 'partner-nonce',
    }).toString();
    const callback = new URL(await agent.signIn(url.href, ada));
    const exchange = (clientSecret = partnerSecret()) =>
      tokenRequest(
        metadata.token_endpoint,
        {
          grant_type: 'authorization_code',
          code: callback.searchParams.get('code')!,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        },
        { clientId: PARTNER, clientSecret },
      );
    return { metadata, callback, agent, exchange };
  }

  it('signs in at each of its origins and exchanges the code with its own development secret', async () => {
    for (const origin of [first, SECOND_ORIGIN]) {
      const { callback, exchange } = await partnerSignIn(origin);
      expect(callback.origin + callback.pathname).toBe(`${origin}/bff/callback`);
      expect(await exchange(idp.webClientSecret)).toMatchObject({
        status: 401,
        error: 'invalid_client',
      });
      const tokens = await exchange();
      expect(tokens).toMatchObject({ status: 200, refresh_token: expect.any(String) });
      expect(claimsOf(tokens.id_token!)).toMatchObject({
        aud: PARTNER,
        sub: ada.subject,
        email: ada.email,
        nonce: 'partner-nonce',
      });
    }
  });

  it("refuses the web BFF's callback for this client, without redirecting there", async () => {
    const { authorization_endpoint } = await discover(idp.issuer);
    const { challenge } = pkcePair();
    const url = new URL(authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: PARTNER,
      redirect_uri: 'http://127.0.0.1:3001/bff/callback',
      response_type: 'code',
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    const answer = await new OidcUserAgent().get(url.href);
    expect(answer.status).toBe(400);
    expect(answer.location).toBeUndefined();
  });

  it('logs out to <origin>/ and sends the logout token to <first origin>/bff/backchannel-logout', async () => {
    const { metadata, agent, exchange } = await partnerSignIn(SECOND_ORIGIN);
    const tokens = await exchange();
    const logout = new URL(metadata.end_session_endpoint!);
    logout.search = new URLSearchParams({
      client_id: PARTNER,
      post_logout_redirect_uri: `${SECOND_ORIGIN}/`,
      state: 'bye',
    }).toString();
    expect(await agent.signOut(logout.href)).toBe(`${SECOND_ORIGIN}/?state=bye`);
    expect(
      received.map((body) => claimsOf(new URLSearchParams(body).get('logout_token')!)),
    ).toEqual([
      expect.objectContaining({ aud: PARTNER, sub: ada.subject, sid: expect.any(String) }),
    ]);
    expect(
      await refreshAt(idp.issuer, PARTNER, tokens.refresh_token!, {
        clientSecret: partnerSecret(),
      }),
    ).toMatchObject({ status: 400, error: 'invalid_grant' });
  });
});

describe('BEARER_AUDIENCES: more APIs the native app may ask tokens for', () => {
  const idp = useDevIdentity({ env: { BEARER_AUDIENCES: `${PARTNER}, tv-bff` } });
  const signIn = (resource?: string) =>
    nativeAppSignIn({
      issuer: idp.issuer,
      clientId: idp.mobileClientId,
      redirectUri: 'http://127.0.0.1:51235/callback',
      email: ada.email,
      password: ada.password,
      ...(resource ? { resource } : {}),
    });

  it('gives a JWT whose aud is partner-bff for the resource urn:partner-bff, with the account claims, and keeps it on refresh', async () => {
    const tokens = await signIn(`urn:${PARTNER}`);
    expect(claimsOf(tokens.accessToken)).toMatchObject({
      aud: PARTNER,
      sub: ada.subject,
      email: ada.email,
      email_verified: true,
      name: ada.displayName,
    });
    const next = await refreshAt(idp.issuer, idp.mobileClientId, tokens.refreshToken);
    expect(next).toMatchObject({ status: 200 });
    expect(claimsOf(next.access_token!).aud).toBe(PARTNER);
  });

  it('still defaults to MOBILE_AUDIENCE and refuses a resource it was not given', async () => {
    expect(claimsOf((await signIn()).accessToken).aud).toBe('mobile-bff');
    expect(claimsOf((await signIn('urn:tv-bff')).accessToken).aud).toBe('tv-bff');
    await expect(signIn('urn:other-bff')).rejects.toThrow(/invalid_target/);
  });
});

describe('a bad SESSION_CLIENTS or BEARER_AUDIENCES stops the provider', () => {
  it.each([
    ['SESSION_CLIENTS', 'partner-bff=http://127.0.0.1:3005/bff'],
    ['BEARER_AUDIENCES', 'partner bff'],
  ])('%s=%s: exit code 1 and one line naming the variable', (name, value) => {
    const run = spawnSync(process.execPath, [devIdentityMain()], {
      env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', PORT: '0', [name]: value },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const lines = `${run.stdout}${run.stderr}`.split('\n').filter(Boolean);
    expect(run.status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Invalid environment variable ${name}`);
  });
});
