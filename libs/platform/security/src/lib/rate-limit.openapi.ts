import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto, titleFor } from '@bff/platform-problem';
import { getSchemaPath } from '@nestjs/swagger';
import { isRateLimitExempt } from './rate-limit.guard';

/** The name of the second, stricter limit on sign-in routes (the suffix of its headers). */
export const AUTH_THROTTLER = 'auth';
/** The OpenAPI extension `AuthRateLimit()` marks its operations with; removed by `declareRateLimits`. */
export const AUTH_RATE_LIMIT_EXTENSION = 'x-auth-rate-limit';

const INT32_MAX = 2_147_483_647;

const RETRY_AFTER = {
  description: 'Seconds until the limit lets this client in again.',
  required: true,
  schema: { type: 'integer', format: 'int32', minimum: 0, maximum: INT32_MAX, example: 42 },
};

const RETRY_AFTER_AUTH = {
  description: 'When the `auth` limit refused: the same seconds as `Retry-After`.',
  schema: RETRY_AFTER.schema,
};

/**
 * The headers @nestjs/throttler sets for each limit a request passed (`X-RateLimit-Limit`,
 * `-Remaining`, `-Reset`; a limit other than the default one adds its name: `-auth`).
 */
function limitHeaders(limit?: string) {
  const suffix = limit ? `-${limit}` : '';
  const which = limit ? `the \`${limit}\` limit` : 'the limit';
  const integer = (minimum: number, example: number) => ({
    type: 'integer',
    format: 'int32',
    minimum,
    maximum: INT32_MAX,
    example,
  });
  return {
    [`X-RateLimit-Limit${suffix}`]: {
      description: `How many requests ${which} lets one client send to this operation in a window.`,
      schema: integer(1, 300),
    },
    [`X-RateLimit-Remaining${suffix}`]: {
      description: `How many of them are left in this window (${which}).`,
      schema: integer(0, 299),
    },
    [`X-RateLimit-Reset${suffix}`]: {
      description: `Seconds until this window of ${which} ends.`,
      schema: integer(0, 60),
    },
  };
}

/** Answers the edge gives before any guard runs (createApp): the limit never saw them. */
const BEFORE_THE_GUARD = new Set(['413', '414', '415']);

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

/**
 * What the global rate limit ({@link RateLimitGuard}) adds on every route it counts, written
 * once into the document: the limit headers on each answer given after the guard ran, and 429
 * `rate_limited` problem+json with `Retry-After`. Operations marked `AuthRateLimit()` get the
 * second limit's headers too. A service that imports RateLimitModule calls it from its OpenAPI
 * `patch` (after any patch that adds answers the guard precedes); health and metrics are not counted.
 */
export function declareRateLimits(document: OpenAPIObject): void {
  for (const [template, item] of Object.entries(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!operation) continue;
      const extensions = operation as Operation & Record<string, unknown>;
      const authLimited = extensions[AUTH_RATE_LIMIT_EXTENSION] !== undefined;
      delete extensions[AUTH_RATE_LIMIT_EXTENSION];
      if (isRateLimitExempt(template)) continue;
      // A route kept only to answer old clients one problem before any guard runs is not counted.
      if (Object.keys(operation.responses).every((s) => Number(s) >= 400)) continue;
      declare429(operation, authLimited);
      const headers = {
        ...headerRefs(document, limitHeaders()),
        ...(authLimited ? headerRefs(document, limitHeaders(AUTH_THROTTLER)) : {}),
      };
      for (const [status, response] of Object.entries(operation.responses))
        if (response && !('$ref' in response) && !BEFORE_THE_GUARD.has(status))
          response.headers = { ...response.headers, ...headers };
    }
  }
}

/** The headers as shared components (written once), and references to them for each answer. */
function headerRefs(document: OpenAPIObject, headers: ReturnType<typeof limitHeaders>) {
  document.components ??= {};
  document.components.headers = { ...document.components.headers, ...headers };
  return Object.fromEntries(
    Object.keys(headers).map((name) => [name, { $ref: `#/components/headers/${name}` }]),
  );
}

function declare429(operation: Operation, authLimited: boolean): void {
  const declared = operation.responses['429'];
  if (declared && '$ref' in declared) return;
  // @nestjs/throttler names the limit that refused in a header of its own, beside ours.
  const byName: Record<string, typeof RETRY_AFTER_AUTH> = authLimited
    ? { [`Retry-After-${AUTH_THROTTLER}`]: RETRY_AFTER_AUTH }
    : {};
  operation.responses['429'] = {
    description: declared?.description ?? titleFor(429),
    content: declared?.content ?? {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
    },
    headers: { ...declared?.headers, 'Retry-After': RETRY_AFTER, ...byName },
  };
}
