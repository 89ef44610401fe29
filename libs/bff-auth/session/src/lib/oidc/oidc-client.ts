import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { IdentityProviderUnavailableProblem } from './oidc.problems';
import { OIDC_SETTINGS, OidcSettings } from './oidc-settings';

/** What the token endpoint gave: the tokens, and the ID token's claims when it sent one. */
export interface ProviderTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Seconds until the access token expires, as the provider said. */
  expiresIn?: number;
  claims?: client.IDToken;
}

/** The checks of one authorization response: what the login transaction kept. */
export interface CallbackChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Seconds one call to the provider may take (openid-client's `timeout`). */
const PROVIDER_TIMEOUT_S = 5;

/**
 * The BFF's calls to the OpenID provider, through openid-client (certified: it checks state,
 * nonce, PKCE, `iss`, the ID token's signature, audience and times). The provider is discovered
 * on first use and again after a failed discovery, so the BFF starts and stays live while the
 * provider is down; a call that cannot reach it is a 503 problem.
 */
@Injectable()
export class OidcClient {
  private readonly log = new Logger('Oidc');
  private discovered?: Promise<client.Configuration>;

  constructor(@Inject(OIDC_SETTINGS) readonly settings: OidcSettings) {}

  /** The provider's metadata and this client's configuration (discovered once, retried on failure). */
  configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      this.log.warn(`discovery at ${this.settings.issuer.href} failed: ${String(error)}`);
      throw new IdentityProviderUnavailableProblem();
    });
    return this.discovered;
  }

  async authorizationUrl(state: string, nonce: string, codeVerifier: string): Promise<URL> {
    const config = await this.configuration();
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
  }

  /**
   * Checks the authorization response (`query`: the callback's query string) against the login
   * transaction and redeems the code. Read against the configured redirect URI, never the Host
   * header. Throws on any mismatch or refusal.
   */
  async redeemCode(query: string, checks: CallbackChecks): Promise<ProviderTokens> {
    const config = await this.configuration();
    const current = new URL(this.settings.redirectUri);
    current.search = query;
    const answer = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    return tokensOf(answer);
  }

  /** Redeems a refresh token; the provider rotates it, so the answer carries the next one. */
  async refresh(refreshToken: string): Promise<ProviderTokens> {
    return tokensOf(await client.refreshTokenGrant(await this.configuration(), refreshToken));
  }

  /** Revokes a refresh token (and with it the grant). Best effort: a failure is logged, not thrown. */
  async revoke(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    try {
      await client.tokenRevocation(await this.configuration(), refreshToken, {
        token_type_hint: 'refresh_token',
      });
    } catch (error) {
      this.log.warn(`revoking a refresh token failed: ${String(error)}`);
    }
  }

  /**
   * The provider's end-session URL for RP-initiated logout, when it has one. It names the client
   * (`client_id`, as OpenID RP-Initiated Logout 1.0 allows) rather than carrying the ID token as
   * `id_token_hint`: the browser navigates to this URL, and no token ever reaches the browser.
   */
  async endSessionUrl(): Promise<string | undefined> {
    let config: client.Configuration;
    try {
      config = await this.configuration();
    } catch {
      return undefined;
    }
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
      client_id: this.settings.clientId,
    }).href;
  }

  private async discover(): Promise<client.Configuration> {
    const config = await client.discovery(
      this.settings.issuer,
      this.settings.clientId,
      this.settings.clientSecret,
      client.ClientSecretBasic(this.settings.clientSecret),
      {
        execute: this.settings.allowHttp ? [client.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_S,
      },
    );
    config.timeout = PROVIDER_TIMEOUT_S;
    return config;
  }
}

function tokensOf(
  answer: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
): ProviderTokens {
  return {
    accessToken: answer.access_token,
    ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
    ...(answer.id_token ? { idToken: answer.id_token } : {}),
    ...(answer.expiresIn() !== undefined ? { expiresIn: answer.expiresIn() } : {}),
    ...(answer.claims() ? { claims: answer.claims() } : {}),
  };
}
