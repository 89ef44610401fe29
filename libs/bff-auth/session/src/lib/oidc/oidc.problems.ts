import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';
import { ResponseBodyError } from 'openid-client';

/** The provider could not be reached (or answered 5xx): nothing was decided, try again later. */
export class IdentityProviderUnavailableProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      'identity_provider_unavailable',
      'The identity provider cannot be reached right now; try again in a moment.',
    );
  }
}

/**
 * A sign-in that cannot complete: no or another login transaction, wrong state, nonce or PKCE
 * verifier, a code already used, or an error the provider sent back. No session is opened.
 */
export class SignInFailedProblem extends ProblemException {
  constructor(detail = 'The sign-in could not be completed; start again from the sign-in link.') {
    super(HttpStatus.BAD_REQUEST, 'sign_in_failed', detail);
  }
}

/**
 * Whether the provider itself is out of reach (network, timeout, 5xx) rather than refusing:
 * refusals are final (a bad code, a revoked grant), outages are worth retrying.
 */
export function isProviderOutage(error: unknown): boolean {
  if (error instanceof ResponseBodyError) return error.status >= 500;
  if (error instanceof TypeError) return true; // fetch failed: refused, reset, DNS
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON';
}

/** The provider refused a refresh token (revoked, expired, reused): the grant is over. */
export function isGrantRevoked(error: unknown): boolean {
  return error instanceof ResponseBodyError && error.error === 'invalid_grant';
}
