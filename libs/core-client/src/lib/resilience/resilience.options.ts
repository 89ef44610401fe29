import type { Operation } from '../operations';

/** Knobs of the policies around every core-api call. All durations in milliseconds. */
export interface ResilienceOptions {
  /** Longest one attempt may take before it is abandoned (and its socket work aborted). */
  attemptTimeoutMs: number;
  /** Longest the whole call may take, retries and backoff included. */
  deadlineMs: number;
  /** Retries after the first attempt, for idempotent requests only. */
  retries: number;
  /** First backoff before jitter; doubles per retry, capped by `maxBackoffMs`. */
  backoffBaseMs: number;
  maxBackoffMs: number;
  /** Breaker: share of failures over `breakerWindowMs` that opens it… */
  breakerThreshold: number;
  breakerWindowMs: number;
  /** …once at least this many calls were made in the window. */
  breakerMinCalls: number;
  /** Breaker: this many failures in a row open it, whatever the window says. */
  breakerConsecutiveFailures: number;
  /** How long an open breaker fails fast before letting one trial call through. */
  breakerHalfOpenAfterMs: number;
  /** Concurrent calls per operation group, and how many more may wait for a slot. */
  bulkheadLimit: number;
  bulkheadQueue: number;
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  attemptTimeoutMs: 1_000,
  deadlineMs: 3_000,
  retries: 2,
  backoffBaseMs: 100,
  maxBackoffMs: 1_000,
  breakerThreshold: 0.5,
  breakerWindowMs: 10_000,
  breakerMinCalls: 20,
  breakerConsecutiveFailures: 5,
  breakerHalfOpenAfterMs: 5_000,
  bulkheadLimit: 64,
  bulkheadQueue: 256,
};

/** Per-operation overrides of the timing knobs (e.g. a slow search gets a longer attempt). */
export type OperationOverrides = Partial<
  Record<Operation, Partial<Pick<ResilienceOptions, 'attemptTimeoutMs' | 'deadlineMs' | 'retries'>>>
>;
