import { millisVar, wholeNumberVar } from '@bff/platform-config';

const count = (fallback: number) => wholeNumberVar(fallback, { min: 1 });

/** Rate-limit settings every BFF reads; spread into the BFF's env schema. */
export const rateLimitEnvShape = {
  /** Requests per client IP and route in one window. */
  RATE_LIMIT_MAX: count(300),
  RATE_LIMIT_WINDOW_MS: millisVar(60_000),
  /** The stricter limit on routes that start a sign-in (web-bff's /bff/login). */
  AUTH_RATE_LIMIT_MAX: count(10),
};

export interface RateLimitEnv {
  RATE_LIMIT_MAX: number;
  RATE_LIMIT_WINDOW_MS: number;
  AUTH_RATE_LIMIT_MAX: number;
}
