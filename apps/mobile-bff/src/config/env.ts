import { bearerEnvShape, bearerOptionsFromEnv, refuseInsecureIssuer } from '@bff/bff-bearer';
import type { BearerAuthOptions } from '@bff/bff-bearer';
import { coreClientEnvShape, requireServiceKeyInProduction } from '@bff/core-client';
import { loadEnv, portVar, serviceEnvSchema } from '@bff/platform-config';
import { rateLimitEnvShape } from '@bff/platform-security';
import { z } from 'zod';

/** `major.minor.patch` (missing parts count as 0), as apps send it in `X-App-Version`. */
export const APP_VERSION_PATTERN = /^(0|[1-9]\d{0,5})(?:\.(0|[1-9]\d{0,5})){0,2}$/;

/** An instant written as ISO 8601 (e.g. `2026-11-01T00:00:00Z`), kept as epoch milliseconds. */
const instantVar = (fallback: string) =>
  z
    .string()
    .refine(
      (value) =>
        /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) &&
        !Number.isNaN(Date.parse(value)),
      {
        error: 'must be an ISO 8601 date or date-time, e.g. 2026-11-01T00:00:00Z',
      },
    )
    .default(fallback)
    .transform((value) => Date.parse(value));

export const mobileBffEnvSchema = serviceEnvSchema
  .extend({
    PORT: portVar(3002),
    ...coreClientEnvShape,
    ...rateLimitEnvShape,
    ...bearerEnvShape('mobile-bff'),
    /** Apps older than this get 426 and must update. */
    MIN_APP_VERSION: z
      .string()
      .regex(APP_VERSION_PATTERN, { error: 'must be a version like 1.4.2' })
      .default('1.0.0'),
    /** When v1 was deprecated (sent as `Deprecation: @<epoch seconds>`, RFC 9745). */
    V1_DEPRECATED_AT: instantVar('2026-11-01T00:00:00Z'),
    /** When v1 stops answering (sent as `Sunset: <HTTP-date>`, RFC 8594). */
    V1_SUNSET_AT: instantVar('2027-06-30T00:00:00Z'),
  })
  .superRefine(requireServiceKeyInProduction)
  .superRefine(refuseInsecureIssuer)
  .superRefine((env, ctx) => {
    if (env.V1_SUNSET_AT <= env.V1_DEPRECATED_AT) {
      ctx.addIssue({
        code: 'custom',
        path: ['V1_SUNSET_AT'],
        message: 'must be later than V1_DEPRECATED_AT',
      });
    }
  });

export type MobileBffEnv = z.output<typeof mobileBffEnvSchema>;

export const loadMobileBffEnv = (env: NodeJS.ProcessEnv = process.env): MobileBffEnv =>
  loadEnv(mobileBffEnvSchema, env);

/** How mobile-bff checks the provider's access tokens: realm and texts name mobile-bff. */
export const mobileBearerOptions = (env: MobileBffEnv): BearerAuthOptions =>
  bearerOptionsFromEnv(env, { service: 'mobile-bff' });
