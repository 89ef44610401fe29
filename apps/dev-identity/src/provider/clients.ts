import type { AsymmetricSigningAlgorithm, ClientMetadata } from 'oidc-provider';

export interface ClientSettings {
  webBffUrls: string[];
  webClientId: string;
  webClientSecret: string;
  mobileClientId: string;
  signingAlg: AsymmetricSigningAlgorithm;
}

/** The native app's redirect URIs: a private-use scheme and loopback (RFC 8252 §7.1, §7.3). */
export const MOBILE_REDIRECT_URIS: string[] = [
  'com.example.storefront:/oauth2redirect',
  'http://127.0.0.1/callback',
];

/**
 * The two first-party clients: the web BFF (confidential, client_secret_basic, back-channel
 * logout to its first URL) and the storefront app (public native client). Both use the
 * authorization code flow with PKCE and get refresh tokens.
 */
export function clients(settings: ClientSettings): ClientMetadata[] {
  const [first] = settings.webBffUrls;
  const common: Partial<ClientMetadata> = {
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    id_token_signed_response_alg: settings.signingAlg,
  };
  return [
    {
      ...common,
      client_id: settings.webClientId,
      client_secret: settings.webClientSecret,
      client_name: 'Storefront (web)',
      application_type: 'web',
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: settings.webBffUrls.map((url) => `${url}/bff/callback`),
      post_logout_redirect_uris: settings.webBffUrls.map((url) => `${url}/`),
      backchannel_logout_uri: `${first}/bff/backchannel-logout`,
      backchannel_logout_session_required: true,
    },
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
