import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto, titleFor } from '@bff/platform-problem';
import { getSchemaPath } from '@nestjs/swagger';
import { isRateLimitExempt } from './rate-limit.guard';

const RETRY_AFTER = {
  description: 'Seconds until the limit lets this client in again.',
  schema: { type: 'integer', minimum: 0, example: 42 },
};

/**
 * What the global rate limit ({@link RateLimitGuard}) answers on every route it counts, written
 * once into the document: 429 `rate_limited` problem+json with `Retry-After`. A service that
 * imports RateLimitModule calls it from its OpenAPI `patch` (after any patch that adds answers);
 * health and metrics are not counted.
 */
export function declareRateLimits(document: OpenAPIObject): void {
  for (const [template, item] of Object.entries(document.paths)) {
    if (isRateLimitExempt(template)) continue;
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      // A route kept only to answer old clients one problem before any guard runs is not counted.
      if (!operation || Object.keys(operation.responses).every((s) => s.startsWith('4'))) continue;
      const declared = operation.responses['429'];
      if (declared && '$ref' in declared) continue;
      operation.responses['429'] = {
        description: declared?.description ?? titleFor(429),
        content: declared?.content ?? {
          [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
        },
        headers: { ...declared?.headers, 'Retry-After': RETRY_AFTER },
      };
    }
  }
}
