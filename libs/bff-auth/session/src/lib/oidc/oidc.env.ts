import { secret, wholeNumberVar } from '@bff/platform-config';
import { z } from 'zod';

/** The development provider (apps/dev-identity) on its default port. */
export const DEV_OIDC_ISSUER = 'http://127.0.0.1:3003';

const URL_ERROR = 'must be an absolute http:// or https:// URL';
const isHttpUrl = (value: string) =>
  URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
const optionalUrl = z.string().refine(isHttpUrl, { error: URL_ERROR }).optional();

/** The BFF as the provider's confidential OAuth client; part of `sessionEnvShape`. */
export const oidcEnvShape = {
  /** The provider's issuer URL (discovery at `<issuer>/.well-known/openid-configuration`). */
  OIDC_ISSUER: optionalUrl,
  /** This client's id at the provider (default: the service's name; required in production). */
  OIDC_CLIENT_ID: z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, { error: 'must be 1 to 200 visible ASCII characters' })
    .optional(),
  /** This client's secret (required in production; in development the shared dev secret). */
  OIDC_CLIENT_SECRET: secret(z.string().optional()),
  /** Where the provider sends the browser back (default `http://127.0.0.1:<PORT>/bff/callback`). */
  OIDC_REDIRECT_URI: optionalUrl,
  /** Where the provider sends the browser after logout (default: the redirect URI's origin + `/`). */
  OIDC_POST_LOGOUT_REDIRECT_URI: optionalUrl,
  /** The scopes asked for; `openid` is required, `offline_access` gets a refresh token. */
  OIDC_SCOPES: z
    .string()
    .default('openid profile email offline_access')
    .refine((value) => value.split(/\s+/).includes('openid'), {
      error: 'must be a space-separated list of scopes that includes openid',
    }),
  /** An access token that expires within this many seconds is refreshed before the request runs. */
  OIDC_REFRESH_BEFORE_SECONDS: wholeNumberVar(60, { min: 0, max: 86_400, unit: 'seconds' }),
};

interface OidcEnvInput {
  NODE_ENV: string;
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_REDIRECT_URI?: string;
  OIDC_POST_LOGOUT_REDIRECT_URI?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http to this machine only (a provider on loopback, as in CI). */
export function isSecureOrLoopback(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || LOOPBACK.has(parsed.hostname);
}

/**
 * Production refuses to start without the provider's issuer, this client's id and secret and its
 * redirect URI, with a short secret, or with a plain-http issuer or redirect URI other than
 * loopback: one line naming the variable (the development defaults are never used there).
 */
export function requireOidcInProduction(env: OidcEnvInput, ctx: z.RefinementCtx): void {
  if (env.NODE_ENV !== 'production') return;
  const refuse = (variable: keyof OidcEnvInput, message: string) =>
    ctx.addIssue({ code: 'custom', path: [variable], message });
  for (const variable of [
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'OIDC_REDIRECT_URI',
  ] as const) {
    if (!env[variable]) return refuse(variable, 'must be set in production');
  }
  if ((env.OIDC_CLIENT_SECRET ?? '').length < 32)
    return refuse('OIDC_CLIENT_SECRET', 'must be at least 32 characters in production');
  for (const variable of [
    'OIDC_ISSUER',
    'OIDC_REDIRECT_URI',
    'OIDC_POST_LOGOUT_REDIRECT_URI',
  ] as const) {
    const value = env[variable];
    if (value && !isSecureOrLoopback(value))
      return refuse(variable, 'must be an https:// URL in production (http only on loopback)');
  }
}
