import { BearerEnv, DEV_OIDC_ISSUER } from './bearer-env';

/** How a BFF checks the provider's access tokens, from its validated environment. */
export interface BearerAuthOptions {
  /**
   * The BFF's name (e.g. `partner-bff`): the `realm` of its `WWW-Authenticate` challenge and the
   * name its problems and OpenAPI text give it. Not the audience, which is configured.
   */
  service: string;
  /** `iss` of the tokens, exactly; discovery is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  /** What `aud` must contain. */
  audience: string;
  /** Accepted signature algorithms (asymmetric only: the config refuses `none` and HS*). */
  algorithms: string[];
  /** An unknown `kid` refetches the JWKS at most this often. */
  jwksCooldownMs: number;
}

export const BEARER_AUTH_OPTIONS = Symbol('BEARER_AUTH_OPTIONS');

/** Clock skew allowed on `exp` and `nbf`, in seconds. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** How long the subject → customer id mapping is kept: one core-api call per customer, not per request. */
export const CUSTOMER_LINK_TTL_MS = 5 * 60_000;

/** How long the provider's endpoints may take before the request counts as a failure. */
export const PROVIDER_TIMEOUT_MS = 5_000;

/** After a failed discovery or JWKS fetch, requests wait this long before asking the provider again. */
export const PROVIDER_RETRY_PAUSE_MS = 1_000;

/**
 * The options of `BearerAuthModule.forRoot` from the env `bearerEnvShape` validated; `service` is
 * the BFF's name. Without `OIDC_ISSUER` (development) the development provider is the issuer.
 */
export const bearerOptionsFromEnv = (
  env: BearerEnv,
  { service }: { service: string },
): BearerAuthOptions => ({
  service,
  issuer: env.OIDC_ISSUER ?? DEV_OIDC_ISSUER,
  audience: env.OIDC_AUDIENCE,
  algorithms: env.OIDC_ALGORITHMS,
  jwksCooldownMs: env.OIDC_JWKS_COOLDOWN_MS,
});
