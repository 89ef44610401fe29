import { AxiosError } from 'axios';
import { isBrokenCircuitError, isBulkheadRejectedError, isTaskCancelledError } from 'cockatiel';

/** Statuses that say "try again": the request was not processed, or may be next time. */
const TRANSIENT_STATUSES = new Set([408, 429, 502, 503, 504]);

/** Errors a retry must not repeat (e.g. a Retry-After longer than the time left). */
const noRetry = new WeakSet<object>();

export function markNotRetryable(error: unknown): void {
  if (typeof error === 'object' && error !== null) noRetry.add(error);
}

/** A connection error, an attempt that timed out, or a 408/429/502/503/504: worth another try. */
export function isTransient(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && noRetry.has(error)) return false;
  if (isTaskCancelledError(error)) return true;
  if (!(error instanceof AxiosError)) return false;
  const status = error.response?.status;
  if (status !== undefined) return TRANSIENT_STATUSES.has(status);
  // No response at all: refused, reset, DNS, timeout. Not a cancellation or an unreadable body.
  return error.code !== AxiosError.ERR_CANCELED && error.code !== AxiosError.ERR_BAD_RESPONSE;
}

/**
 * Whether a failure says the downstream is unhealthy (counts towards opening its breaker). A 4xx
 * is our request's fault and a full bulkhead is our own back-pressure: neither counts.
 */
export function isDownstreamFault(error: unknown): boolean {
  if (isBulkheadRejectedError(error) || isBrokenCircuitError(error)) return false;
  if (isTaskCancelledError(error)) return true;
  if (!(error instanceof AxiosError)) return false;
  const status = error.response?.status;
  if (status !== undefined) return status >= 500 || status === 408 || status === 429;
  return error.code !== AxiosError.ERR_CANCELED && error.code !== AxiosError.ERR_BAD_RESPONSE;
}

/** The delay a 429/503 asks for in `Retry-After` (seconds or an HTTP date), in milliseconds. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  if (!(error instanceof AxiosError) || !error.response) return undefined;
  const raw = error.response.headers?.['retry-after'] as unknown;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
