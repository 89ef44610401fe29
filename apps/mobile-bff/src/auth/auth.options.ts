import { DEV_OIDC_ISSUER } from '../config/oidc-env';

/** How mobile-bff checks the provider's access tokens, from the validated environment. */
export interface AuthOptions {
  /** `iss` of the tokens, exactly; discovery is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  /** What `aud` must contain. */
  audience: string;
  /** Accepted signature algorithms (asymmetric only: the config refuses `none` and HS*). */
  algorithms: string[];
  /** An unknown `kid` refetches the JWKS at most this often. */
  jwksCooldownMs: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** Clock skew allowed on `exp` and `nbf`, in seconds. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** How long the subject → customer id mapping is kept: one core-api call per customer, not per request. */
export const CUSTOMER_LINK_TTL_MS = 5 * 60_000;

/** How long the provider's endpoints may take before the request counts as a failure. */
export const PROVIDER_TIMEOUT_MS = 5_000;

/** After a failed discovery or JWKS fetch, requests wait this long before asking the provider again. */
export const PROVIDER_RETRY_PAUSE_MS = 1_000;

export const authOptionsFromEnv = (env: {
  OIDC_ISSUER?: string;
  OIDC_AUDIENCE: string;
  OIDC_ALGORITHMS: string[];
  OIDC_JWKS_COOLDOWN_MS: number;
}): AuthOptions => ({
  issuer: env.OIDC_ISSUER ?? DEV_OIDC_ISSUER,
  audience: env.OIDC_AUDIENCE,
  algorithms: env.OIDC_ALGORITHMS,
  jwksCooldownMs: env.OIDC_JWKS_COOLDOWN_MS,
});
