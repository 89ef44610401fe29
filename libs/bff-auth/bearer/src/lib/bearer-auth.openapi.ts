import { declareBearerChallenge } from '@bff/platform-auth';
import type { ProblemException } from '@bff/platform-problem';
import type { OpenAPIObject } from '@nestjs/swagger';
import { bearerChallenge } from './bearer-auth.guard';
import { EmailClaimRequiredProblem, InvalidTokenProblem } from './bearer-auth.problems';
import { BearerAuthOptions } from './bearer-options';
import { discoveryUrlOf } from './provider-keys';
import { BEARER_SCHEME } from './requires-sign-in.decorator';

type Responses = NonNullable<OpenAPIObject['paths'][string]['get']>['responses'];

/** How a client gets the token, unless the BFF says it in its own words (`bearerSecurity`). */
const OBTAINED_BY =
  'which the client gets by signing in at the provider (authorization code + PKCE) and refreshes there';

/**
 * The document's security scheme (`OpenApiInfo.security`): what a token must be to be accepted,
 * from the options the BFF runs with. `obtainedBy` says how its clients get one, e.g. "which the
 * app gets by signing in at the provider in the system browser (…) and refreshes there".
 */
export function bearerSecurity(
  { service, issuer, audience, algorithms }: BearerAuthOptions,
  obtainedBy = OBTAINED_BY,
): { name: string; description: string } {
  return {
    name: BEARER_SCHEME,
    description:
      `The identity provider's access token (a JWT), ${obtainedBy}. ` +
      `${service} accepts it when it is signed by a key of the provider's JWKS (${discoveryUrlOf(issuer)}) ` +
      `with ${algorithms.join(', ')}, \`iss\` is ${issuer}, \`aud\` contains ${audience}, and it has a \`sub\` ` +
      `and has not expired. A first sign-in also needs the \`email\` claim (\`email_verified\`, \`name\` ` +
      `are used when present). ${service} issues no tokens. The checks follow RFC8725 (JWT Best Current ` +
      `Practices): an allow-list of asymmetric algorithms (never \`none\` or an HMAC), the issuer and the ` +
      `audience validated, \`exp\` required.`,
  };
}

/** The document's examples of the 401 and 403 a personal route answers (`OpenApiInfo.problemExamples`). */
export const bearerProblemExamples = ({
  service,
}: Pick<BearerAuthOptions, 'service'>): { 401: ProblemException; 403: ProblemException } => ({
  401: new InvalidTokenProblem(),
  403: new EmailClaimRequiredProblem(service),
});

/** Sets the description of an operation's answer `status`, if it has one. */
function describe(responses: Responses, status: string, description: string): void {
  const response = responses[status];
  if (response && !('$ref' in response)) response.description = description;
}

/** `text` as a regular expression that matches exactly it. */
const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the provider's token adds to a personal route's answers, written once into the document
 * (from `OpenApiInfo.patch`) rather than on each handler: the RFC 6750 challenge on 401, the
 * e-mail a first sign-in needs (403), and the provider's keys among the reasons for 503.
 */
export function declareBearerAuth(
  document: OpenAPIObject,
  { service }: Pick<BearerAuthOptions, 'service'>,
): void {
  const challenge = bearerChallenge(service);
  declareBearerChallenge(document, {
    description: `Always \`${challenge}\` (RFC 6750).`,
    pattern: `^${literally(challenge)}$`,
    example: challenge,
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
        `\`email_claim_required\`: the first token of a subject carries no \`email\` claim (the provider must put it in access tokens for ${service}).`,
      );
      describe(
        responses,
        '503',
        'core-api is unavailable, or `identity_provider_unavailable`: the provider cannot be reached for its keys and none were fetched before. Try again later; the token is not the problem.',
      );
    }
  }
}
