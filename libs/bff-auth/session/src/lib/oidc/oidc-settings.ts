import { Logger } from '@nestjs/common';
import { devSecret } from '@bff/platform-auth';
import type { SessionEnv } from '../session-env';
import { DEV_OIDC_ISSUER, isSecureOrLoopback } from './oidc.env';

/** The BFF as the provider's confidential client, with every default resolved. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scopes: string;
  /** An access token expiring within this is refreshed before the request runs. */
  refreshBeforeMs: number;
  /** Plain http to the provider (only outside production, or on loopback). */
  allowHttp: boolean;
}

export const OIDC_SETTINGS = Symbol('OIDC_SETTINGS');

/**
 * The validated env's OIDC_* variables with the development defaults: the provider of
 * apps/dev-identity, client id `service`, the shared development secret of that client id
 * (`<clientId>.oidc-client-secret` in SERVICE_KEYS_DIR, as the provider registers it) and the
 * callback on this process's port.
 */
export function oidcSettingsFromEnv(env: SessionEnv, service: string): OidcSettings {
  const issuer = new URL(env.OIDC_ISSUER ?? DEV_OIDC_ISSUER);
  const redirectUri = env.OIDC_REDIRECT_URI ?? `http://127.0.0.1:${env.PORT}/bff/callback`;
  const clientId = env.OIDC_CLIENT_ID ?? service;
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET ?? developmentSecret(env.SERVICE_KEYS_DIR, clientId),
    redirectUri,
    postLogoutRedirectUri: env.OIDC_POST_LOGOUT_REDIRECT_URI ?? `${new URL(redirectUri).origin}/`,
    scopes: env.OIDC_SCOPES,
    refreshBeforeMs: env.OIDC_REFRESH_BEFORE_SECONDS * 1000,
    allowHttp:
      issuer.protocol === 'http:' &&
      (env.NODE_ENV !== 'production' || isSecureOrLoopback(issuer.href)),
  };
}

/** The secret the development provider registers for `clientId` (never in production: env refuses). */
function developmentSecret(dir: string, clientId: string): string {
  const { value, created, file } = devSecret(dir, `${clientId}.oidc-client-secret`);
  new Logger('Oidc').warn(
    `${created ? 'Generated' : 'Using'} the development OIDC client secret in ${file} (set OIDC_CLIENT_SECRET in production)`,
  );
  return value;
}
