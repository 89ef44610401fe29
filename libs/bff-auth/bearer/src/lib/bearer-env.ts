import { ASYMMETRIC_ALGORITHMS } from '@bff/platform-auth';
import { wholeNumberVar } from '@bff/platform-config';
import { z } from 'zod';

/** The development provider (apps/dev-identity) as `npm start` runs it. */
export const DEV_OIDC_ISSUER = 'http://127.0.0.1:3003';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An issuer URL exactly as the provider writes it in `iss` (a trailing slash is kept: Auth0's
 * issuers end with one), http(s), without query or fragment.
 */
const issuerVar = z.string().refine(
  (value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && !url.search && !url.hash && !url.username;
  },
  { error: 'must be an http:// or https:// URL without query or fragment, exactly as `iss`' },
);

const algorithmsVar = z
  .string()
  .default('RS256,PS256,ES256,EdDSA')
  .transform((value) => value.split(',').map((alg) => alg.trim()))
  .refine((algs) => algs.length > 0 && algs.every((alg) => alg !== ''), {
    error: 'must be a comma-separated list of algorithms',
  })
  .refine((algs) => !algs.some((alg) => alg.toLowerCase() === 'none'), {
    error: '`none` is never accepted: anybody could write such a token',
  })
  .refine((algs) => !algs.some((alg) => /^hs/i.test(alg)), {
    error: 'HS* algorithms are never accepted: the public key would serve as an HMAC secret',
  })
  .refine(
    (algs) => algs.every((alg) => (ASYMMETRIC_ALGORITHMS as readonly string[]).includes(alg)),
    { error: `must list only ${ASYMMETRIC_ALGORITHMS.join(', ')}` },
  );

/**
 * The settings of a BFF as a resource server of the provider's access tokens, to spread into its
 * env schema (with `.superRefine(refuseInsecureIssuer)` on the schema). `defaultAudience` is what
 * `aud` must contain unless `OIDC_AUDIENCE` says otherwise: normally the BFF's name.
 */
export const bearerEnvShape = (defaultAudience: string) => ({
  /** The provider (`iss` of its tokens). Required in production; development: dev-identity. */
  OIDC_ISSUER: issuerVar.optional(),
  /** What the token's `aud` must contain: the provider's name for this BFF. */
  OIDC_AUDIENCE: z.string().min(1, { error: 'must not be empty' }).default(defaultAudience),
  /** The signature algorithms accepted; `none` and HS* are refused here. */
  OIDC_ALGORITHMS: algorithmsVar,
  /** An unknown `kid` refetches the provider's JWKS at most this often (jose's cooldownDuration). */
  OIDC_JWKS_COOLDOWN_MS: wholeNumberVar(30_000, {
    min: 100,
    max: 3_600_000,
    unit: 'milliseconds',
    note: 'at most an hour',
  }),
});

/** The validated values of `bearerEnvShape`. */
export interface BearerEnv {
  OIDC_ISSUER?: string;
  OIDC_AUDIENCE: string;
  OIDC_ALGORITHMS: string[];
  OIDC_JWKS_COOLDOWN_MS: number;
}

/** Production: the provider must be named, and reached over https unless it is on loopback. */
export function refuseInsecureIssuer(
  env: { NODE_ENV: string; OIDC_ISSUER?: string },
  ctx: z.RefinementCtx,
): void {
  if (env.NODE_ENV !== 'production') return;
  if (!env.OIDC_ISSUER) {
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_ISSUER'],
      message: 'must be set in production (the identity provider the apps sign in at)',
    });
    return;
  }
  const url = new URL(env.OIDC_ISSUER);
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_ISSUER'],
      message: 'must be an https:// URL in production (http:// only on loopback)',
    });
  }
}
