import { declareBearerChallenge } from '@bff/platform-auth';
import type { OpenAPIObject } from '@nestjs/swagger';

type Responses = NonNullable<OpenAPIObject['paths'][string]['get']>['responses'];

/** Sets the description of an operation's answer `status`, if it has one. */
function describe(responses: Responses, status: string, description: string): void {
  const response = responses[status];
  if (response && !('$ref' in response)) response.description = description;
}

/**
 * What the provider's token adds to a personal screen's answers, written once into the document
 * rather than on each handler: the RFC 6750 challenge on 401, the e-mail a first sign-in needs
 * (403), and the provider's keys among the reasons for 503.
 */
export function describeBearerChallenge(document: OpenAPIObject): void {
  declareBearerChallenge(document, {
    description: 'Always `Bearer realm="mobile-bff", error="invalid_token"` (RFC 6750).',
    pattern: '^Bearer realm="mobile-bff", error="invalid_token"$',
    example: 'Bearer realm="mobile-bff", error="invalid_token"',
  });
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const responses = item[method]?.responses;
      const unauthorized = responses?.['401'];
      if (!responses || !unauthorized || '$ref' in unauthorized) continue;
      unauthorized.description =
        'No valid access token from the identity provider (missing, expired, wrong issuer or audience, bad signature, unknown key, refused algorithm): the problem `invalid_token`.';
      describe(
        responses,
        '403',
        '`email_claim_required`: the first token of a subject carries no `email` claim (the provider must put it in access tokens for mobile-bff).',
      );
      describe(
        responses,
        '503',
        'core-api is unavailable, or `identity_provider_unavailable`: the provider cannot be reached for its keys and none were fetched before. Try again later; the token is not the problem.',
      );
    }
  }
}
