import { loadEnv, portVar, secret, wholeNumberVar } from '@bff/platform-config';
import { join } from 'node:path';
import { z } from 'zod';
import { bearerAudiencesVar, SessionClient, sessionClientsVar } from './bff-clients.env';

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

const fields = z.object({
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
  SESSION_CLIENTS: sessionClientsVar,
  BEARER_AUDIENCES: bearerAudiencesVar,
  SERVICE_KEYS_DIR: z.string().default('.data/service-keys'),
  SIGNING_KEYS_FILE: z.string().optional(),
  ACCESS_TOKEN_TTL_SECONDS: seconds(300, 24 * 60 * 60),
  REFRESH_TOKEN_TTL_SECONDS: seconds(14 * 24 * 60 * 60, 365 * 24 * 60 * 60),
});

type Vars = z.output<typeof fields>;

/** A session client may not take the id of the web or the native client. */
function distinctClients(vars: Vars, ctx: z.RefinementCtx): void {
  const taken = new Set([vars.WEB_CLIENT_ID, vars.MOBILE_CLIENT_ID]);
  const clash = vars.SESSION_CLIENTS.find((client) => taken.has(client.clientId));
  if (clash)
    ctx.addIssue({
      code: 'custom',
      path: ['SESSION_CLIENTS'],
      message: `names the client ${clash.clientId}, which WEB_CLIENT_ID or MOBILE_CLIENT_ID already is`,
    });
}

/** Two audiences with one resource indicator (`x` and `urn:x`) could not be told apart. */
function distinctResources(vars: Vars, ctx: z.RefinementCtx): void {
  const audiences = [...new Set([vars.MOBILE_AUDIENCE, ...vars.BEARER_AUDIENCES])];
  const resources = audiences.map(mobileResource);
  if (new Set(resources).size !== resources.length)
    ctx.addIssue({
      code: 'custom',
      path: ['BEARER_AUDIENCES'],
      message: 'names two audiences with the same resource indicator (x and urn:x)',
    });
}

const schema = fields.superRefine(distinctClients).superRefine(distinctResources);

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
  /** More session BFFs (`SESSION_CLIENTS`), each with the secret `<clientId>.oidc-client-secret`. */
  sessionClients: SessionClient[];
  /** Every audience the native app may ask tokens for: MOBILE_AUDIENCE, then BEARER_AUDIENCES. */
  bearerAudiences: string[];
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
    sessionClients: vars.SESSION_CLIENTS,
    bearerAudiences: [...new Set([vars.MOBILE_AUDIENCE, ...vars.BEARER_AUDIENCES])],
    serviceKeysDir: vars.SERVICE_KEYS_DIR,
    signingKeysFile:
      vars.SIGNING_KEYS_FILE ?? join(vars.SERVICE_KEYS_DIR, 'dev-identity.jwks.json'),
    accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: vars.REFRESH_TOKEN_TTL_SECONDS,
  };
}

/** The resource indicator (RFC 8707) naming an API: the audience if it is a URI already. */
export function mobileResource(audience: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(audience) ? audience : `urn:${audience}`;
}
