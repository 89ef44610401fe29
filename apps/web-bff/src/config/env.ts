import { coreClientEnvShape, requireServiceKeyInProduction } from '@bff/core-client';
import { requireOidcInProduction, sessionEnvShape } from '@bff/bff-session';
import { loadEnv, portVar, serviceEnvSchema } from '@bff/platform-config';
import { rateLimitEnvShape } from '@bff/platform-security';
import { z } from 'zod';

export const webBffEnvSchema = serviceEnvSchema
  .extend({
    PORT: portVar(3001),
    ...coreClientEnvShape,
    // The per-account sign-in limit served password sign-in, which web-bff no longer has.
    RATE_LIMIT_MAX: rateLimitEnvShape.RATE_LIMIT_MAX,
    RATE_LIMIT_WINDOW_MS: rateLimitEnvShape.RATE_LIMIT_WINDOW_MS,
    AUTH_RATE_LIMIT_MAX: rateLimitEnvShape.AUTH_RATE_LIMIT_MAX,
    // PUBLIC_ORIGINS, OIDC_*, SESSION_*: the sign-in at the provider and the cookie session.
    ...sessionEnvShape,
  })
  .superRefine(requireServiceKeyInProduction)
  .superRefine(requireOidcInProduction);

export type WebBffEnv = z.output<typeof webBffEnvSchema>;

export const loadWebBffEnv = (env: NodeJS.ProcessEnv = process.env): WebBffEnv =>
  loadEnv(webBffEnvSchema, env);
