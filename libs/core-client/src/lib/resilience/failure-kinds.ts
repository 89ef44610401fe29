import { isBrokenCircuitError, isBulkheadRejectedError, isTaskCancelledError } from 'cockatiel';
import { bodyField, DownstreamFailure, FailureKind } from '../transport/downstream-failure';

/** Statuses that say "try again": the request was not processed, or may be next time. */
const TRANSIENT_STATUSES = new Set([408, 429, 502, 503, 504]);

/**
 * How long to wait before first asking again after core-api's 409 `request_in_flight` (the first
 * request with this Idempotency-Key is still running); each later wait is twice the one before.
 * A `Retry-After` from core-api wins.
 */
export const IN_FLIGHT_POLL_MS = 500;

/** core-api's 409 `request_in_flight`: a repeat of an idempotent request that is still running. */
export function isRequestInFlight(error: unknown): boolean {
  return (
    error instanceof DownstreamFailure &&
    error.status === 409 &&
    bodyField(error.answer?.body, 'code') === 'request_in_flight'
  );
}

/** Failures to get an answer that say nothing about core-api: our own abort, an answer too large. */
const OUR_SIDE = new Set<FailureKind>(['aborted', 'too_large']);

/** Errors a retry must not repeat (e.g. a Retry-After longer than the time left). */
const noRetry = new WeakSet<object>();
/** The wait the call chose before repeating an error (e.g. a request still in flight). */
const chosenDelays = new WeakMap<object, number>();

export function markNotRetryable(error: unknown): void {
  if (typeof error === 'object' && error !== null) noRetry.add(error);
}

export function setRetryDelay(error: unknown, ms: number): void {
  if (typeof error === 'object' && error !== null) chosenDelays.set(error, ms);
}

/** How long to wait before repeating `error`: the call's own choice, else core-api's Retry-After. */
export function retryDelayMs(error: unknown, now = Date.now()): number | undefined {
  const chosen = typeof error === 'object' && error !== null ? chosenDelays.get(error) : undefined;
  return chosen ?? retryAfterMs(error, now);
}

/**
 * A connection error, an attempt that timed out, a 408/429/502/503/504, or a request still in
 * flight under its Idempotency-Key: worth another try (within the call's retries and deadline).
 */
export function isTransient(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && noRetry.has(error)) return false;
  if (isTaskCancelledError(error)) return true;
  if (!(error instanceof DownstreamFailure)) return false;
  if (isRequestInFlight(error)) return true;
  const status = error.status;
  if (status !== undefined) return TRANSIENT_STATUSES.has(status);
  // No answer at all: refused, reset, DNS, timeout. Not a cancellation or an unreadable body.
  return !OUR_SIDE.has(error.kind);
}

/**
 * Whether a failure says the downstream is unhealthy (counts towards opening its breaker). A 4xx
 * is our request's fault and a full bulkhead is our own back-pressure: neither counts.
 */
export function isDownstreamFault(error: unknown): boolean {
  if (isBulkheadRejectedError(error) || isBrokenCircuitError(error)) return false;
  if (isTaskCancelledError(error)) return true;
  if (!(error instanceof DownstreamFailure)) return false;
  const status = error.status;
  if (status !== undefined) return status >= 500 || status === 408 || status === 429;
  return !OUR_SIDE.has(error.kind);
}

/** The delay a 429/503 (or a 409 in flight) asks for in `Retry-After` (seconds or an HTTP date), in ms. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  if (!(error instanceof DownstreamFailure)) return undefined;
  const raw = error.answer?.headers['retry-after'];
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
