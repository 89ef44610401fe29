import { coreClientEnvShape, requireServiceKeyInProduction } from '@bff/core-client';
import { loadEnv, portVar, secret, serviceEnvSchema, wholeNumberVar } from '@bff/platform-config';
import { rateLimitEnvShape } from '@bff/platform-security';
import { z } from 'zod';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** `major.minor.patch` (missing parts count as 0), as apps send it in `X-App-Version`. */
export const APP_VERSION_PATTERN = /^(0|[1-9]\d{0,5})(?:\.(0|[1-9]\d{0,5})){0,2}$/;

const boundedMillis = (fallback: number, min: number, max: number, note: string) =>
  wholeNumberVar(fallback, { min, max, unit: 'milliseconds', note });

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
    /**
     * HS256 key of the apps' access tokens, at least 32 bytes. Required in production; outside it
     * a development secret is generated in SERVICE_KEYS_DIR and the log says so.
     */
    ACCESS_TOKEN_SECRET: secret(
      z.string().refine((value) => Buffer.byteLength(value, 'utf8') >= 32, {
        error: 'must be at least 32 bytes (e.g. `openssl rand -base64 48`)',
      }),
    ).optional(),
    /** Lifetime of an access token: at most 15 minutes. */
    ACCESS_TOKEN_TTL_MS: boundedMillis(10 * MINUTE, 10_000, 15 * MINUTE, 'at most 15 minutes'),
    /** Longest a refresh-token family lives from sign-in, however often it is rotated. */
    REFRESH_ABSOLUTE_MS: boundedMillis(30 * DAY, MINUTE, 365 * DAY, 'at most a year'),
    /** How long the token just replaced may be presented again without revoking its family. */
    REFRESH_REUSE_GRACE_MS: boundedMillis(15_000, 0, 60_000, 'at most a minute'),
    /** Live sign-ins (refresh families) per customer; the one past it revokes the oldest. */
    REFRESH_FAMILIES_MAX_PER_CUSTOMER: wholeNumberVar(10, { min: 1, max: 100 }),
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
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.ACCESS_TOKEN_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['ACCESS_TOKEN_SECRET'],
        message: 'must be set in production; a development secret is never used there',
      });
    }
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
