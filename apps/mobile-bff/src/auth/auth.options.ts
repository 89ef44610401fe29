import { KeyObject } from 'node:crypto';

/** Who signs and who accepts the apps' access tokens. */
export const ACCESS_TOKEN_ISSUER = 'mobile-bff';
export const ACCESS_TOKEN_AUDIENCE = 'storefront-app';
export const ACCESS_TOKEN_ALG = 'HS256';

/** The auth feature's settings, from the validated environment. */
export interface AuthOptions {
  accessTokenKey: KeyObject;
  accessTokenTtlMs: number;
  refreshAbsoluteMs: number;
  refreshReuseGraceMs: number;
  /** Live sign-ins (refresh families) per customer; the one past it revokes the oldest. */
  maxFamiliesPerCustomer: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
