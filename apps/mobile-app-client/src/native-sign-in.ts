// Sign-in as RFC 8252 asks of a native app: the authorization code flow with PKCE (S256) in the
// system browser, the code coming back to a loopback redirect on a port the app picks (§7.3).
// The identity provider is not a BFF: these calls go to it directly, never through the SDK.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface NativeSignIn {
  issuer: string;
  clientId: string;
  /** Opens the system browser at the authorization URL (the user signs in there, not in the app). */
  openBrowser: (authorizationUrl: string) => void | Promise<void>;
}

interface Metadata {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(issuer: string): Promise<Metadata> {
  const answer = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!answer.ok) throw new Error(`discovery at ${issuer} answered ${answer.status}`);
  return (await answer.json()) as Metadata;
}

async function tokenRequest(endpoint: string, form: Record<string, string>): Promise<Tokens> {
  const answer = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = (await answer.json()) as { access_token?: string; refresh_token?: string };
  if (!answer.ok || !body.access_token || !body.refresh_token)
    throw new Error(`the token endpoint answered ${answer.status}: ${JSON.stringify(body)}`);
  return { accessToken: body.access_token, refreshToken: body.refresh_token };
}

/** Waits on 127.0.0.1 (any free port) for the browser to bring the code back. */
async function loopback(): Promise<{ redirectUri: string; callback: Promise<URL> }> {
  let deliver: (url: URL) => void = () => undefined;
  const callback = new Promise<URL>((resolve) => (deliver = resolve));
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Signed in. You can go back to the app.');
    server.close();
    deliver(new URL(req.url ?? '/', 'http://127.0.0.1'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}/callback`, callback };
}

export async function signIn(options: NativeSignIn): Promise<Tokens> {
  const metadata = await discover(options.issuer);
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(16).toString('base64url');
  const { redirectUri, callback } = await loopback();
  const url = new URL(metadata.authorization_endpoint);
  const query = {
    client_id: options.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile email offline_access',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    nonce: randomBytes(16).toString('base64url'),
  };
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  await options.openBrowser(url.href);
  const back = await callback;
  const code = back.searchParams.get('code');
  if (back.searchParams.get('state') !== state || !code)
    throw new Error(`the browser came back without a code for this sign-in: ${back.search}`);
  return tokenRequest(metadata.token_endpoint, {
    grant_type: 'authorization_code',
    client_id: options.clientId,
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
}

export async function refresh(issuer: string, clientId: string, token: string): Promise<Tokens> {
  const { token_endpoint } = await discover(issuer);
  return tokenRequest(token_endpoint, {
    grant_type: 'refresh_token',
    client_id: clientId,
    refresh_token: token,
  });
}
