import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Every 401 of a personal screen carries the RFC 6750 challenge; written once into the document
 * rather than on each handler.
 */
export function describeBearerChallenge(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const unauthorized = item[method]?.responses['401'];
      if (!unauthorized || '$ref' in unauthorized) continue;
      unauthorized.description =
        'No valid access token from the identity provider (missing, expired, wrong issuer or audience, bad signature, unknown key, refused algorithm): the problem `invalid_token`.';
      unauthorized.headers = {
        'WWW-Authenticate': {
          description: 'Always `Bearer realm="mobile-bff", error="invalid_token"` (RFC 6750).',
          schema: { type: 'string', example: 'Bearer realm="mobile-bff", error="invalid_token"' },
        },
      };
    }
  }
}
