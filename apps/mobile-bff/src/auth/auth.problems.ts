import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';

/**
 * A refresh token that cannot be used: unknown, spent, expired or of a revoked family. One code
 * (`invalid_grant`, as OAuth 2.0 names it) and a 400, whatever the reason: the app signs in again.
 */
export class InvalidGrantProblem extends ProblemException {
  constructor(detail = 'The refresh token is not valid. Sign in again.') {
    super(HttpStatus.BAD_REQUEST, 'invalid_grant', detail);
  }
}

/** No valid access token. The reason is logged, never answered. */
export class InvalidTokenProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNAUTHORIZED,
      'invalid_token',
      'A valid access token is required (Authorization: Bearer <token>). Refresh it or sign in again.',
    );
  }
}
