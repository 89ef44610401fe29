import {
  devIdentityMain,
  discover,
  OidcUserAgent,
  pkcePair,
  tokenRequest,
  useDevIdentity,
} from '@bff/platform-auth/testing';
import { DEMO_CUSTOMERS } from '@bff/demo-customers';
import { spawnSync } from 'node:child_process';

const ada = DEMO_CUSTOMERS[0]!;
const WEB = 'http://127.0.0.1:3001';

/** An authorization request of the web client, with PKCE unless told otherwise. */
function authorizationUrl(endpoint: string, clientId: string, query: Record<string, string> = {}) {
  const url = new URL(endpoint);
  const params = {
    client_id: clientId,
    redirect_uri: `${WEB}/bff/callback`,
    response_type: 'code',
    scope: 'openid profile email',
    state: 'state-1',
    ...query,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

describe('the development provider (discovery and refusals)', () => {
  const idp = useDevIdentity();

  it('publishes its discovery document: issuer, S256 only, logout, revocation and back-channel logout', async () => {
    const metadata = await discover(idp.issuer);
    expect(metadata).toMatchObject({
      issuer: idp.url,
      authorization_endpoint: `${idp.url}/auth`,
      token_endpoint: `${idp.url}/token`,
      jwks_uri: `${idp.url}/jwks`,
      end_session_endpoint: `${idp.url}/session/end`,
      revocation_endpoint: `${idp.url}/token/revocation`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      backchannel_logout_supported: true,
      backchannel_logout_session_supported: true,
      scopes_supported: expect.arrayContaining(['openid', 'profile', 'email', 'offline_access']),
      claims_supported: expect.arrayContaining(['sub', 'email', 'email_verified', 'name', 'sid']),
    });
  });

  it('answers its health checks', async () => {
    for (const path of ['/health/live', '/health/ready']) {
      const response = await fetch(`${idp.url}${path}`);
      expect([path, response.status, await response.json()]).toEqual([path, 200, { status: 'ok' }]);
    }
  });

  it.each([
    ['without PKCE', {}],
    [
      'with the plain PKCE method',
      { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' },
    ],
  ])('refuses an authorization request %s, for the confidential client too', async (_, query) => {
    const { authorization_endpoint } = await discover(idp.issuer);
    const agent = new OidcUserAgent();
    const answer = await agent.get(
      authorizationUrl(authorization_endpoint, idp.webClientId, query),
    );
    // The redirect URI is registered, so the error goes back to the client, never to a sign-in page.
    const back = new URL(answer.location!);
    expect(back.origin + back.pathname).toBe(`${WEB}/bff/callback`);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('refuses a redirect URI it does not know, without redirecting there', async () => {
    const { authorization_endpoint } = await discover(idp.issuer);
    const { challenge } = pkcePair();
    const answer = await new OidcUserAgent().get(
      authorizationUrl(authorization_endpoint, idp.webClientId, {
        redirect_uri: 'https://attacker.example/bff/callback',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.location).toBeUndefined();
    expect(answer.body).toContain('redirect_uri');
  });

  it('prints nothing but JSON lines (no quick-start warnings from oidc-provider)', async () => {
    await discover(idp.issuer);
    const lines = idp.output().split('\n').filter(Boolean);
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual([]);
    expect(lines.map((line) => JSON.parse(line).msg)).toContain(
      `dev-identity listening on ${idp.url}`,
    );
  });
});

describe('the development provider in production', () => {
  it('refuses NODE_ENV=production: exit code 1 and one line saying why', () => {
    const run = spawnSync(process.execPath, [devIdentityMain()], {
      env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const lines = `${run.stdout}${run.stderr}`.split('\n').filter(Boolean);
    expect(run.status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/NODE_ENV=production.*development OpenID provider/);
  });
});

describe('the development provider with another issuer and web client', () => {
  const idp = useDevIdentity({
    issuer: (url) => `${url}/realms/shop`,
    webBffUrls: ['http://127.0.0.1:4101', 'http://localhost:4102'],
    webClientId: 'storefront-web',
    webClientSecret: 'another-secret-of-at-least-32-characters',
  });

  it('states that issuer in discovery, below its path', async () => {
    const metadata = await discover(idp.issuer);
    expect(metadata.issuer).toBe(`${idp.url}/realms/shop`);
    expect(metadata.token_endpoint).toBe(`${idp.url}/realms/shop/token`);
  });

  it('signs in the web client at its second URL and exchanges the code with the other secret', async () => {
    const metadata = await discover(idp.issuer);
    const { verifier, challenge } = pkcePair();
    const redirectUri = 'http://localhost:4102/bff/callback';
    const location = await new OidcUserAgent().signIn(
      authorizationUrl(metadata.authorization_endpoint, 'storefront-web', {
        redirect_uri: redirectUri,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
      ada,
    );
    const back = new URL(location);
    expect(back.searchParams.get('iss')).toBe(idp.issuer);
    const exchange = (secret: string) =>
      tokenRequest(
        metadata.token_endpoint,
        {
          grant_type: 'authorization_code',
          code: back.searchParams.get('code')!,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        },
        { clientId: 'storefront-web', clientSecret: secret },
      );
    expect(await exchange('the-default-secret-is-not-accepted-here')).toMatchObject({
      status: 401,
      error: 'invalid_client',
    });
    const tokens = await exchange('another-secret-of-at-least-32-characters');
    expect(tokens).toMatchObject({ status: 200, token_type: 'Bearer' });
    const idToken = JSON.parse(
      Buffer.from(tokens.id_token!.split('.')[1]!, 'base64url').toString(),
    );
    expect(idToken).toMatchObject({ iss: idp.issuer, aud: 'storefront-web', sub: ada.subject });
  });
});
