import { wholeNumberVar } from '@bff/platform-config';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The session timeouts and cap; part of `sessionEnvShape`. */
export const sessionTimeoutEnvShape = {
  /** A session unused for this long is over (default and cap 30 min). */
  SESSION_IDLE_MS: wholeNumberVar(30 * MINUTE, {
    min: 1_000,
    max: 30 * MINUTE,
    unit: 'milliseconds',
    note: 'at most 30 minutes',
  }),
  /** A session is over this long after sign-in, however busy (default and cap 12 h). */
  SESSION_ABSOLUTE_MS: wholeNumberVar(12 * HOUR, {
    min: 1_000,
    max: 12 * HOUR,
    unit: 'milliseconds',
    note: 'at most 12 hours',
  }),
  /** Live sessions per customer; the sign-in past it ends that customer's oldest session. */
  SESSION_MAX_PER_CUSTOMER: wholeNumberVar(10, { min: 1, max: 100 }),
};
