import { millisVar } from '@bff/platform-config';
import { z } from 'zod';

const count = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a whole number of at least 1' })
    .int({ error: 'must be a whole number of at least 1' })
    .min(1, { error: 'must be a whole number of at least 1' })
    .default(fallback);

/** Rate-limit settings every BFF reads; spread into the BFF's env schema. */
export const rateLimitEnvShape = {
  /** Requests per client IP and route in one window. */
  RATE_LIMIT_MAX: count(300),
  RATE_LIMIT_WINDOW_MS: millisVar(60_000),
  /** The stricter limit on routes that take credentials or tokens (login, token, refresh). */
  AUTH_RATE_LIMIT_MAX: count(10),
};

export interface RateLimitEnv {
  RATE_LIMIT_MAX: number;
  RATE_LIMIT_WINDOW_MS: number;
  AUTH_RATE_LIMIT_MAX: number;
}
