import type { components } from './generated/mobile-bff.js';

/** An RFC 9457 problem as mobile-bff sends it (application/problem+json). */
export type Problem = components['schemas']['ProblemDetailsDto'];
/** 426 `app_update_required`: the app is older than mobile-bff's minimum. */
export type AppUpdateRequired = components['schemas']['AppUpdateRequiredProblemDto'];

/** True when `value` has the members every mobile-bff problem carries. */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['status'] === 'number' && typeof v['title'] === 'string';
}

/** True for the answer that tells the app to update itself (and to which version). */
export function isAppUpdateRequired(value: unknown): value is AppUpdateRequired {
  return isProblem(value) && value.status === 426 && value.code === 'app_update_required';
}

/** The problem of an answer's `error`, or a minimal one when the body was not a problem. */
export function problemOf(error: unknown, status: number): Problem {
  if (isProblem(error)) return error;
  return { type: 'about:blank', title: 'Request failed', status, requestId: '' };
}

/** Thrown by code that prefers exceptions to `{ data, error }`. */
export class MobileBffProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? `${problem.title} (${problem.status})`);
    this.name = 'MobileBffProblemError';
  }
}
