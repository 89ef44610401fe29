import type { AsymmetricSigningAlgorithm, ClientMetadata } from 'oidc-provider';

/** A confidential session BFF: the web BFF, or one of SESSION_CLIENTS. */
export interface ConfidentialClient {
  clientId: string;
  clientSecret: string;
  /** Its origins; the first gets the back-channel logout URI. */
  origins: string[];
  name: string;
}

export interface ClientSettings {
  webBffUrls: string[];
  webClientId: string;
  webClientSecret: string;
  /** More session BFFs (SESSION_CLIENTS) with their development secrets. */
  sessionClients: Omit<ConfidentialClient, 'name'>[];
  mobileClientId: string;
  signingAlg: AsymmetricSigningAlgorithm;
}

/** The native app's redirect URIs: a private-use scheme and loopback (RFC 8252 §7.1, §7.3). */
export const MOBILE_REDIRECT_URIS: string[] = [
  'com.example.storefront:/oauth2redirect',
  'http://127.0.0.1/callback',
];

/**
 * The first-party clients: the web BFF and every SESSION_CLIENTS entry (confidential,
 * client_secret_basic, back-channel logout to its first origin) and the storefront app (public
 * native client). All use the authorization code flow with PKCE and get refresh tokens.
 */
export function clients(settings: ClientSettings): ClientMetadata[] {
  const common: Partial<ClientMetadata> = {
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    id_token_signed_response_alg: settings.signingAlg,
  };
  const confidential: ConfidentialClient[] = [
    {
      clientId: settings.webClientId,
      clientSecret: settings.webClientSecret,
      origins: settings.webBffUrls,
      name: 'Storefront (web)',
    },
    ...settings.sessionClients.map((client) => ({ ...client, name: client.clientId })),
  ];
  return [
    ...confidential.map((client) => ({ ...common, ...sessionBff(client) })),
    {
      ...common,
      client_id: settings.mobileClientId,
      client_name: 'Storefront (app)',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: MOBILE_REDIRECT_URIS,
    },
  ];
}

function sessionBff({ clientId, clientSecret, origins, name }: ConfidentialClient): ClientMetadata {
  return {
    client_id: clientId,
    client_secret: clientSecret,
    client_name: name,
    application_type: 'web',
    token_endpoint_auth_method: 'client_secret_basic',
    redirect_uris: origins.map((origin) => `${origin}/bff/callback`),
    post_logout_redirect_uris: origins.map((origin) => `${origin}/`),
    backchannel_logout_uri: `${origins[0]}/bff/backchannel-logout`,
    backchannel_logout_session_required: true,
  };
}
