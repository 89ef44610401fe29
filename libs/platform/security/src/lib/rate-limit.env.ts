import { millisVar, wholeNumberVar } from '@bff/platform-config';

const count = (fallback: number) => wholeNumberVar(fallback, { min: 1 });

/** Rate-limit settings every BFF reads; spread into the BFF's env schema. */
export const rateLimitEnvShape = {
  /** Requests per client IP and route in one window. */
  RATE_LIMIT_MAX: count(300),
  RATE_LIMIT_WINDOW_MS: millisVar(60_000),
  /** The stricter limit on routes that take credentials or tokens (login, token, refresh). */
  AUTH_RATE_LIMIT_MAX: count(10),
  /** Failed sign-ins one account may have in a window, from any addresses, before it gets 429. */
  SIGN_IN_FAILURES_MAX: wholeNumberVar(5, { min: 1, max: 1000 }),
  /** That window; short, because while it lasts the real customer is refused too. */
  SIGN_IN_FAILURE_WINDOW_MS: wholeNumberVar(15 * 60_000, {
    min: 1_000,
    max: 24 * 60 * 60_000,
    unit: 'milliseconds',
    note: 'at most a day',
  }),
};

export interface RateLimitEnv {
  RATE_LIMIT_MAX: number;
  RATE_LIMIT_WINDOW_MS: number;
  AUTH_RATE_LIMIT_MAX: number;
}

export interface SignInLimitEnv {
  SIGN_IN_FAILURES_MAX: number;
  SIGN_IN_FAILURE_WINDOW_MS: number;
}

/** The sign-in limit's options from the validated environment. */
export const signInLimitFromEnv = (env: SignInLimitEnv) => ({
  maxFailures: env.SIGN_IN_FAILURES_MAX,
  windowMs: env.SIGN_IN_FAILURE_WINDOW_MS,
});
