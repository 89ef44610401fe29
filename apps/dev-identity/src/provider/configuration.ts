import { type Configuration, errors, type KoaContextWithOIDC, Provider } from 'oidc-provider';
import { claimsOf } from '../accounts';
import { type DevIdentityEnv, mobileResource } from '../config/env';
import { errorPage, signedOutPage, signOutPage } from '../http/views';
import { clients, type ConfidentialClient } from './clients';
import { MemoryAdapter } from './memory-adapter';
import type { SigningKeys } from './signing-keys';

export interface ProviderSettings {
  issuer: string;
  env: DevIdentityEnv;
  keys: SigningKeys;
  webClientSecret: string;
  /** SESSION_CLIENTS with their development secrets. */
  sessionClients: Omit<ConfidentialClient, 'name'>[];
  cookieKeys: string[];
}

const SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/**
 * The development provider: code flow with PKCE (S256) for every client, refresh tokens rotated on
 * every use (a reused one revokes the grant), RP-initiated and back-channel logout, revocation,
 * and JWT access tokens for the mobile API (or a BEARER_AUDIENCES one) via a resource indicator.
 * Every default that oidc-provider warns about is replaced, so nothing but our own JSON lines is
 * printed.
 */
export function createProvider({
  issuer,
  env,
  keys,
  webClientSecret,
  sessionClients,
  cookieKeys,
}: ProviderSettings) {
  const signingAlg = keys.alg;
  const signingKid = keys.kids[0];
  // Resource indicator -> audience, for MOBILE_AUDIENCE and every BEARER_AUDIENCES entry.
  const audienceOf = new Map(env.bearerAudiences.map((aud) => [mobileResource(aud), aud]));
  const resource = mobileResource(env.mobileAudience);
  const mountPath = new URL(issuer).pathname.replace(/\/$/, '');
  const isMobile = (clientId: string | undefined) => clientId === env.mobileClientId;

  const configuration: Configuration = {
    adapter: MemoryAdapter,
    jwks: keys.jwks as Configuration['jwks'],
    clients: clients({ ...env, webClientSecret, sessionClients, signingAlg }),
    clientDefaults: { id_token_signed_response_alg: signingAlg },
    cookies: { keys: cookieKeys },
    scopes: SCOPES,
    claims: {
      acr: null,
      auth_time: null,
      iss: null,
      sid: null,
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
    },
    // The ID token carries the granted scopes' claims, so a BFF needs no userinfo call.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => {
      const claims = claimsOf(sub);
      return claims && { accountId: sub, claims: () => claims };
    },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    // Tokens live as long as the provider's session (REFRESH_TOKEN_TTL_SECONDS) unless
    // offline_access was granted (it needs prompt=consent), so signing out at the provider ends
    // them: the grant is revoked and the web BFF is told over the back channel.
    expiresWithSession: (_ctx, token) => !token.scopes.has('offline_access'),
    extraTokenClaims: (_ctx, token) => {
      const audience = token.resourceServer?.audience;
      if (token.kind !== 'AccessToken' || !env.bearerAudiences.includes(String(audience)))
        return undefined;
      const claims = token.accountId ? claimsOf(token.accountId) : undefined;
      return (
        claims && { email: claims.email, email_verified: claims.email_verified, name: claims.name }
      );
    },
    formats: {
      customizers: {
        jwt: (_ctx, _token, jwt) => {
          jwt.payload.nbf = jwt.payload.iat;
        },
      },
    },
    // Back-channel logout goes to the web BFF, which in development listens on loopback: drop the
    // SSRF guard's dispatcher (it refuses loopback addresses), and give a busy machine 10 s, not 2.5.
    fetch: (
      url,
      { dispatcher: _ssrfGuard, ...init }: RequestInit & { dispatcher?: unknown } = {},
    ) => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) }),
    clientBasedCORS: () => false,
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    renderError: (ctx: KoaContextWithOIDC, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out);
    },
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = signOutPage(ctx.host, form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, client, oneOf) => {
          const [only, ...others] = oneOf ?? [];
          if (oneOf) return only !== undefined && others.length === 0 ? only : oneOf;
          return isMobile(client?.clientId) ? resource : undefined;
        },
        useGrantedResource: (ctx) => isMobile(ctx.oidc.client?.clientId),
        getResourceServerInfo: (_ctx, indicator, client) => {
          const audience = audienceOf.get(indicator);
          if (audience === undefined || !isMobile(client.clientId))
            throw new errors.InvalidTarget();
          return {
            scope: SCOPES.join(' '),
            audience,
            accessTokenTTL: env.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: signingAlg, kid: signingKid } },
          };
        },
      },
    },
    ttl: {
      AccessToken: env.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: env.accessTokenTtlSeconds,
      RefreshToken: env.refreshTokenTtlSeconds,
      Grant: env.refreshTokenTtlSeconds,
      Session: env.refreshTokenTtlSeconds,
      Interaction: 60 * 60,
      ClientCredentials: env.accessTokenTtlSeconds,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
    },
  };
  return new Provider(issuer, configuration);
}
