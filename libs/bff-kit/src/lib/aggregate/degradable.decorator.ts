import { applyDecorators, Type } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiProblems } from '@bff/platform-problem';
import { SendsDegradedHeader } from './degraded-header';

/**
 * For a handler that answers an `aggregate()`: documents the 200 answer with its `degraded`
 * list and the `X-Degraded` header, sends that header (`DegradedHeaderModule`, in
 * `bffFoundation()`), and documents the problems an aggregate can answer (400 input, 404 missing
 * required part, 502/503/504 core-api failures). It marks the route with a route flag
 * (`@bff/platform-routing`), which adds up with other flags on the same handler.
 */
export function DegradableAggregate(type: Type, what: string): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({
      type,
      description: `The ${what}; parts core-api could not supply are left out and listed in \`degraded\`.`,
      headers: {
        'X-Degraded': {
          description: 'The `degraded` list, comma-separated; sent only when it is not empty.',
          schema: { type: 'string', maxLength: 1024, example: 'reviews,related' },
        },
      },
    }),
    SendsDegradedHeader(),
    ApiProblems(400, 404, 502, 503, 504),
  );
}
