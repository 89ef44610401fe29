import { coreClientEnvShape, requireServiceKeyInProduction } from '@bff/core-client';
import { loadEnv, millisVar, portVar, serviceEnvSchema } from '@bff/platform-config';
import { rateLimitEnvShape } from '@bff/platform-security';
import { z } from 'zod';
import { csrfEnvShape } from '../csrf/csrf.env';

export const webBffEnvSchema = serviceEnvSchema
  .extend({
    PORT: portVar(3001),
    ...coreClientEnvShape,
    ...rateLimitEnvShape,
    ...csrfEnvShape,
    /** A session unused for this long is over (default 30 min). */
    SESSION_IDLE_MS: millisVar(30 * 60_000),
    /** A session is over this long after sign-in, however busy (default 12 h). */
    SESSION_ABSOLUTE_MS: millisVar(12 * 60 * 60_000),
  })
  .superRefine(requireServiceKeyInProduction);

export type WebBffEnv = z.output<typeof webBffEnvSchema>;

export const loadWebBffEnv = (env: NodeJS.ProcessEnv = process.env): WebBffEnv =>
  loadEnv(webBffEnvSchema, env);
