import { createHash, randomBytes } from 'node:crypto';
import { type Credentials, OidcUserAgent } from './oidc-user-agent';

/** The parts of a provider's discovery document the test helpers use. */
export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
  revocation_endpoint?: string;
  [key: string]: unknown;
}

/** What a token endpoint answered: tokens, or an OAuth error body; with the HTTP status. */
export interface TokenEndpointAnswer {
  status: number;
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  expires_in?: number;
  token_type?: string;
  scope?: string;
  error?: string;
  error_description?: string;
}

export interface NativeAppTokens {
  accessToken: string;
  refreshToken: string;
  idToken: string;
  expiresIn: number;
  scope: string | undefined;
}

export interface NativeAppSignIn extends Credentials {
  issuer: string;
  clientId: string;
  /** e.g. `http://127.0.0.1:<any port>/callback` or `com.example.storefront:/oauth2redirect`. */
  redirectUri: string;
  /** RFC 8707 resource indicator; omitted: the provider's default for the client. */
  resource?: string;
  /** Default `openid profile email offline_access`. */
  scope?: string;
}

/** `<issuer>/.well-known/openid-configuration`. */
export async function discover(issuer: string): Promise<ProviderMetadata> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery at ${issuer} answered ${response.status}`);
  return (await response.json()) as ProviderMetadata;
}

/** A token endpoint request; a client secret is sent as client_secret_basic (RFC 6749 §2.3.1). */
export async function tokenRequest(
  tokenEndpoint: string,
  params: Record<string, string>,
  client: { clientId: string; clientSecret?: string },
): Promise<TokenEndpointAnswer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const body = new URLSearchParams(params);
  if (client.clientSecret === undefined) {
    body.set('client_id', client.clientId);
  } else {
    const encode = (value: string) => encodeURIComponent(value);
    headers['authorization'] =
      `Basic ${Buffer.from(`${encode(client.clientId)}:${encode(client.clientSecret)}`).toString('base64')}`;
  }
  const response = await fetch(tokenEndpoint, { method: 'POST', headers, body });
  return { status: response.status, ...((await response.json()) as object) };
}

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * Signs in as a native app would (RFC 8252): authorization code with PKCE (S256), state and nonce,
 * the provider's sign-in form filled by an OidcUserAgent standing in for the system browser, then
 * the code exchanged at the token endpoint as a public client.
 */
export async function nativeAppSignIn(options: NativeAppSignIn): Promise<NativeAppTokens> {
  const metadata = await discover(options.issuer);
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('base64url');
  const authorization = new URL(metadata.authorization_endpoint);
  const query: Record<string, string> = {
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid profile email offline_access',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    nonce: randomBytes(16).toString('base64url'),
    ...(options.resource ? { resource: options.resource } : {}),
  };
  for (const [key, value] of Object.entries(query)) authorization.searchParams.set(key, value);

  const callback = new URL(await new OidcUserAgent().signIn(authorization.href, options));
  const code = callback.searchParams.get('code');
  if (callback.searchParams.get('state') !== state || !code) {
    throw new Error(`the provider redirected without a code for this request: ${callback.href}`);
  }
  const answer = await tokenRequest(
    metadata.token_endpoint,
    {
      grant_type: 'authorization_code',
      code,
      redirect_uri: options.redirectUri,
      code_verifier: verifier,
      ...(options.resource ? { resource: options.resource } : {}),
    },
    { clientId: options.clientId },
  );
  if (!answer.access_token || !answer.refresh_token || !answer.id_token) {
    throw new Error(`the token endpoint refused the code: ${JSON.stringify(answer)}`);
  }
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    idToken: answer.id_token,
    expiresIn: answer.expires_in ?? 0,
    scope: answer.scope,
  };
}

/** Uses a refresh token at the provider: the token response, or the OAuth error body. */
export async function refreshAt(
  issuer: string,
  clientId: string,
  refreshToken: string,
  options: { clientSecret?: string; resource?: string } = {},
): Promise<TokenEndpointAnswer> {
  const { token_endpoint } = await discover(issuer);
  return tokenRequest(
    token_endpoint,
    {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      ...(options.resource ? { resource: options.resource } : {}),
    },
    { clientId, clientSecret: options.clientSecret },
  );
}
