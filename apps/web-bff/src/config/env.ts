import { coreClientEnvShape, requireServiceKeyInProduction } from '@bff/core-client';
import { loadEnv, portVar, serviceEnvSchema, wholeNumberVar } from '@bff/platform-config';
import { rateLimitEnvShape } from '@bff/platform-security';
import { z } from 'zod';
import { csrfEnvShape } from '../csrf/csrf.env';
import { oidcEnvShape, requireOidcInProduction } from './oidc.env';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const webBffEnvSchema = serviceEnvSchema
  .extend({
    PORT: portVar(3001),
    ...coreClientEnvShape,
    // The per-account sign-in limit served password sign-in, which web-bff no longer has.
    RATE_LIMIT_MAX: rateLimitEnvShape.RATE_LIMIT_MAX,
    RATE_LIMIT_WINDOW_MS: rateLimitEnvShape.RATE_LIMIT_WINDOW_MS,
    AUTH_RATE_LIMIT_MAX: rateLimitEnvShape.AUTH_RATE_LIMIT_MAX,
    ...csrfEnvShape,
    ...oidcEnvShape,
    /** A session unused for this long is over (default and cap 30 min). */
    SESSION_IDLE_MS: wholeNumberVar(30 * MINUTE, {
      min: 1_000,
      max: 30 * MINUTE,
      unit: 'milliseconds',
      note: 'at most 30 minutes',
    }),
    /** A session is over this long after sign-in, however busy (default and cap 12 h). */
    SESSION_ABSOLUTE_MS: wholeNumberVar(12 * HOUR, {
      min: 1_000,
      max: 12 * HOUR,
      unit: 'milliseconds',
      note: 'at most 12 hours',
    }),
    /** Live sessions per customer; the sign-in past it ends that customer's oldest session. */
    SESSION_MAX_PER_CUSTOMER: wholeNumberVar(10, { min: 1, max: 100 }),
  })
  .superRefine(requireServiceKeyInProduction)
  .superRefine(requireOidcInProduction);

export type WebBffEnv = z.output<typeof webBffEnvSchema>;

export const loadWebBffEnv = (env: NodeJS.ProcessEnv = process.env): WebBffEnv =>
  loadEnv(webBffEnvSchema, env);
