import {
  DownstreamBadResponseProblem,
  DownstreamTimeoutProblem,
  DownstreamUnavailableProblem,
} from '@bff/core-client';
import type { ProblemException } from '@bff/platform-problem';

/**
 * How a BFF answers when core-api fails it (core-client's mapping): the document's examples of
 * 502, 503 and 504, for both BFFs' `problemExamples`.
 */
export const CORE_API_PROBLEM_EXAMPLES: Record<502 | 503 | 504, ProblemException> = {
  502: new DownstreamBadResponseProblem('getProduct'),
  503: new DownstreamUnavailableProblem('getProduct'),
  504: new DownstreamTimeoutProblem('getProduct'),
};
