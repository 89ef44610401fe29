import { ProblemException } from '@bff/platform-problem';
import { ConstantBackoff, handleWhen, retry, RetryPolicy } from 'cockatiel';

/** How often a repeat asks again while the first request with its Idempotency-Key runs. */
export const IN_FLIGHT_POLL_MS = 100;

/**
 * A repeat of an idempotent request (same Idempotency-Key) that reaches core-api while the first
 * is still running gets 409 `request_in_flight`. A double click or an app's retry then waits, up
 * to `waitMs`, for the first to finish and answers what it answered — the same order — instead of
 * showing the user an error for a request that is succeeding.
 */
export function inFlightWait(waitMs: number): RetryPolicy {
  return retry(
    handleWhen((error) => error instanceof ProblemException && error.code === 'request_in_flight'),
    {
      maxAttempts: Math.max(0, Math.floor(waitMs / IN_FLIGHT_POLL_MS)),
      backoff: new ConstantBackoff(IN_FLIGHT_POLL_MS),
    },
  );
}
