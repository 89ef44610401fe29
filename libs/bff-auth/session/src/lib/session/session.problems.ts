import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';

/** 401 for a personal route without a live session: a JSON answer the page handles, never a redirect. */
export class SessionRequiredProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNAUTHORIZED,
      'session_required',
      'Sign in first: there is no session, or it has ended or timed out.',
    );
  }
}
