import type { components } from './generated/web-bff.js';

/** An RFC 9457 problem as web-bff sends it (application/problem+json). */
export type Problem = components['schemas']['ProblemDetailsDto'];

/** True when `value` has the members every web-bff problem carries. */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['status'] === 'number' && typeof v['title'] === 'string';
}

/** The problem of an answer's `error`, or a minimal one when the body was not a problem. */
export function problemOf(error: unknown, status: number): Problem {
  if (isProblem(error)) return error;
  return { type: 'about:blank', title: 'Request failed', status, requestId: '' };
}

/** Thrown by code that prefers exceptions to `{ data, error }`. */
export class WebBffProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? `${problem.title} (${problem.status})`);
    this.name = 'WebBffProblemError';
  }
}
