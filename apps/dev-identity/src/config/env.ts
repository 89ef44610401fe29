import { loadEnv, portVar, secret, wholeNumberVar } from '@bff/platform-config';
import { join } from 'node:path';
import { z } from 'zod';

const urlList = z
  .string()
  .default('http://127.0.0.1:3001')
  .transform((value) => value.split(',').map((entry) => entry.trim().replace(/\/+$/, '')))
  .refine((urls) => urls.every((url) => /^https?:\/\/[^\s/]+$/.test(url) && URL.canParse(url)), {
    error: 'must be a comma-separated list of http:// or https:// origins (no path)',
  });

const clientId = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9._~-]{1,64}$/, { error: 'must be 1 to 64 URL-safe characters' })
    .default(fallback);

const seconds = (fallback: number, max: number) =>
  wholeNumberVar(fallback, { min: 1, max, unit: 'seconds' });

const schema = z.object({
  PORT: portVar(3003),
  HOST: z.string().default('127.0.0.1'),
  OIDC_ISSUER: z
    .string()
    .refine((value) => /^https?:\/\/[^\s/]+(\/[^\s?#]*)?$/.test(value) && URL.canParse(value), {
      error: 'must be an absolute http:// or https:// URL without query or fragment',
    })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  WEB_BFF_URL: urlList,
  WEB_CLIENT_ID: clientId('web-bff'),
  WEB_CLIENT_SECRET: secret(
    z.string().min(32, { error: 'must be at least 32 characters' }),
  ).optional(),
  MOBILE_CLIENT_ID: clientId('storefront-app'),
  MOBILE_AUDIENCE: z.string().min(1).default('mobile-bff'),
  SERVICE_KEYS_DIR: z.string().default('.data/service-keys'),
  SIGNING_KEYS_FILE: z.string().optional(),
  ACCESS_TOKEN_TTL_SECONDS: seconds(300, 24 * 60 * 60),
  REFRESH_TOKEN_TTL_SECONDS: seconds(14 * 24 * 60 * 60, 365 * 24 * 60 * 60),
});

/** The provider's settings, validated; the issuer is settled once the port is known. */
export interface DevIdentityEnv {
  port: number;
  host: string;
  /** Unset: `http://<HOST>:<bound port>`. */
  issuer: string | undefined;
  webBffUrls: string[];
  webClientId: string;
  /** Unset: the shared development secret `web-bff.oidc-client-secret` in `serviceKeysDir`. */
  webClientSecret: string | undefined;
  mobileClientId: string;
  mobileAudience: string;
  serviceKeysDir: string;
  signingKeysFile: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** Reads the environment; a bad variable throws a ConfigError whose message is one line. */
export function loadDevIdentityEnv(
  env: Record<string, string | undefined> = process.env,
): DevIdentityEnv {
  const vars = loadEnv(schema, env);
  return {
    port: vars.PORT,
    host: vars.HOST,
    issuer: vars.OIDC_ISSUER,
    webBffUrls: vars.WEB_BFF_URL,
    webClientId: vars.WEB_CLIENT_ID,
    webClientSecret: vars.WEB_CLIENT_SECRET,
    mobileClientId: vars.MOBILE_CLIENT_ID,
    mobileAudience: vars.MOBILE_AUDIENCE,
    serviceKeysDir: vars.SERVICE_KEYS_DIR,
    signingKeysFile:
      vars.SIGNING_KEYS_FILE ?? join(vars.SERVICE_KEYS_DIR, 'dev-identity.jwks.json'),
    accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: vars.REFRESH_TOKEN_TTL_SECONDS,
  };
}

/** The resource indicator (RFC 8707) naming the mobile API: the audience if it is a URI already. */
export function mobileResource(audience: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(audience) ? audience : `urn:${audience}`;
}
