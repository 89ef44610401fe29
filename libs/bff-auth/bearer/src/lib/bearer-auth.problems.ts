import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';

/** No valid access token. The reason is logged, never answered. */
export class InvalidTokenProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNAUTHORIZED,
      'invalid_token',
      'A valid access token from the identity provider is required (Authorization: Bearer <token>). Refresh it at the provider or sign in again.',
    );
  }
}

/** The provider's keys cannot be had (and none were fetched before): try again shortly. */
export class IdentityProviderUnavailableProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      'identity_provider_unavailable',
      'The identity provider cannot be reached to check the access token. Try again shortly.',
    );
  }
}

/**
 * The token is valid but carries no `email` claim, and its subject is not known yet: core-api
 * needs an e-mail address to create or link the customer. A provider configuration problem (the
 * lib's README says which claims the provider must put in the access token). `service`: the BFF.
 */
export class EmailClaimRequiredProblem extends ProblemException {
  constructor(service: string) {
    super(
      HttpStatus.FORBIDDEN,
      'email_claim_required',
      `The access token has no email claim, which the first sign-in of a customer needs. The identity provider must put email, email_verified and name in the access tokens it issues for ${service}.`,
    );
  }
}
