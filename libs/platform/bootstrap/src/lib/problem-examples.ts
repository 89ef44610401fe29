import type { OpenAPIObject } from '@nestjs/swagger';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemException,
  titleFor,
  ValidationProblem,
} from '@bff/platform-problem';

/** A status's example problem: one the service really throws for it. */
export type ProblemExamples = Partial<Record<number, ProblemException>>;

/**
 * Problems every service answers the same way, whatever the operation: an unknown query parameter
 * (the strict ValidationPipe), Fastify's body and path limits (platform-problem's codes for them),
 * the rate limit (platform-security) and an unexpected failure.
 */
const PLATFORM_EXAMPLES: ProblemExamples = {
  400: new ValidationProblem([
    { field: 'debug', in: 'query', messages: ['property debug should not exist'] },
  ]),
  413: new ProblemException(413, 'body_too_large', 'Request body is too large'),
  414: new ProblemException(
    414,
    'path_parameter_too_long',
    'A path parameter is longer than this service accepts.',
  ),
  415: new ProblemException(
    415,
    'json_body_required',
    'Request bodies must be application/json, in UTF-8.',
  ),
  429: new ProblemException(
    429,
    'rate_limited',
    'Too many requests: at most 300 in 60 s. Retry after 42 s.',
    { retryAfterSeconds: 42 },
  ),
};

const REQUEST_ID = 'b3e1c1f0-52f4-4b0e-9a51-1f7f0f3d9b1e';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The body the problem filter writes for `problem` (platform-problem's toProblem). */
function bodyOf(status: number, instance: string, problem?: ProblemException) {
  return {
    type: 'about:blank',
    title: titleFor(status),
    status,
    ...(problem
      ? { detail: problem.message, code: problem.code, ...problem.extensions }
      : status >= 500 && {
          detail:
            'The server could not complete the request. Quote the request id when reporting it.',
        }),
    instance,
    requestId: REQUEST_ID,
  };
}

/**
 * Gives each problem+json answer an example of its own status (the shared schema's single example
 * showed a 404 under every status): the service's problem for it, else the platform's, else the
 * bare members. `instance` is the operation's path, with `1` for each parameter.
 */
export function declareProblemExamples(document: OpenAPIObject, own: ProblemExamples = {}): void {
  for (const [template, item] of Object.entries(document.paths)) {
    const instance = template.replace(/\{[^}]+\}/g, '1');
    for (const method of METHODS) {
      const responses = item[method]?.responses ?? {};
      for (const [status, response] of Object.entries(responses)) {
        if (!response || '$ref' in response) continue;
        const media = response.content?.[PROBLEM_CONTENT_TYPE];
        if (!media || media.example !== undefined || media.examples !== undefined) continue;
        const code = Number(status);
        // A copy: one response object can serve several operations (v1 and v2 of a handler),
        // and each gets its own `instance`.
        responses[status] = {
          ...response,
          content: {
            ...response.content,
            [PROBLEM_CONTENT_TYPE]: {
              ...media,
              example: bodyOf(code, instance, own[code] ?? PLATFORM_EXAMPLES[code]),
            },
          },
        };
      }
    }
  }
}
