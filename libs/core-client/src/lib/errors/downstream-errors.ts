import { HttpStatus } from '@nestjs/common';
import { FieldError, ProblemException, ValidationProblem } from '@bff/platform-problem';
import { isBrokenCircuitError, isBulkheadRejectedError, isTaskCancelledError } from 'cockatiel';
import { Operation, callerFieldsOf, isDomainAnswer } from '../operations';
import { bodyField, DownstreamAnswer, DownstreamFailure } from '../transport/downstream-failure';
import { isServiceTokenRefusal } from '../watch/core-api-watch';

/**
 * What a BFF answers when core-api does not give it what it asked for. The BFF's client never
 * sees core-api's own error body: it sees a problem that says which side failed.
 */
export class DownstreamNotFoundProblem extends ProblemException {
  constructor(operation: string, code = 'not_found', detail?: string) {
    super(
      HttpStatus.NOT_FOUND,
      code,
      detail ?? `The requested resource does not exist (${operation}).`,
    );
  }
}

export class DownstreamUnavailableProblem extends ProblemException {
  constructor(operation: string) {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      'core_api_unavailable',
      `core-api did not answer ${operation}. Try again shortly.`,
    );
  }
}

/** The breaker of this downstream is open: answered at once, without touching the network. */
export class DownstreamCircuitOpenProblem extends ProblemException {
  constructor(operation: string) {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      'core_api_circuit_open',
      `core-api is failing; ${operation} was not attempted. Try again shortly.`,
    );
  }
}

/** Too many calls to this downstream are already waiting: shed instead of queueing without end. */
export class DownstreamOverloadedProblem extends ProblemException {
  constructor(operation: string) {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      'core_api_overloaded',
      `Too many calls to core-api are waiting; ${operation} was not attempted.`,
    );
  }
}

export class DownstreamTimeoutProblem extends ProblemException {
  constructor(operation: string) {
    super(
      HttpStatus.GATEWAY_TIMEOUT,
      'core_api_timeout',
      `core-api did not answer ${operation} in time.`,
    );
  }
}

/** core-api rejected our request or answered nonsense: a bug on our side of the contract. */
export class DownstreamBadResponseProblem extends ProblemException {
  constructor(operation: string) {
    super(
      HttpStatus.BAD_GATEWAY,
      'core_api_bad_response',
      `core-api gave an unusable answer to ${operation}.`,
    );
  }
}

/**
 * core-api refused this BFF's own service token (keys or clocks out of step): the server's
 * fault, whatever the end user sent, so never a 401 that would blame their credentials.
 */
export class DownstreamServiceRefusedProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.BAD_GATEWAY,
      'core_api_refused_service',
      'The shop could not complete this request because of a fault on its side, not in what you sent. Try again later.',
    );
  }
}

/** A core-api answer listed in its operation's `domainAnswers`, repeated to the BFF's client. */
export class DownstreamDomainProblem extends ProblemException {
  constructor(status: number, code: string, detail: string) {
    super(status, code, detail);
  }
}

/** Maps a failed core-api call to the problem the BFF should answer with. */
export function toDownstreamProblem(error: unknown, operation: Operation): ProblemException {
  if (error instanceof ProblemException) return error;
  if (isBrokenCircuitError(error)) return new DownstreamCircuitOpenProblem(operation);
  if (isBulkheadRejectedError(error)) return new DownstreamOverloadedProblem(operation);
  if (isTaskCancelledError(error)) return new DownstreamTimeoutProblem(operation);
  if (!(error instanceof DownstreamFailure)) return new DownstreamBadResponseProblem(operation);
  if (!error.answer) {
    // An answer we refused to read (larger than the limit) is unusable, not unavailable.
    if (error.kind === 'too_large') return new DownstreamBadResponseProblem(operation);
    if (error.kind === 'timeout') return new DownstreamTimeoutProblem(operation);
    return new DownstreamUnavailableProblem(operation);
  }
  return answerProblem(error.answer, operation);
}

/** The problem for core-api's answer outside 2xx. */
function answerProblem(answer: DownstreamAnswer, operation: Operation): ProblemException {
  const { status, body } = answer;
  if (isServiceTokenRefusal(answer)) return new DownstreamServiceRefusedProblem();
  const code = bodyField(body, 'code');
  const detail = bodyField(body, 'detail');
  if (status === 404) {
    // core-api's own not-found code and sentence ("No product has id 9.") are safe to repeat.
    return new DownstreamNotFoundProblem(
      operation,
      typeof code === 'string' && CODE.test(code) ? code : undefined,
      typeof detail === 'string' && detail.length <= 200 ? detail : undefined,
    );
  }
  if (status === 400 && isDomainAnswer(operation, 400)) {
    // The end user's own input, refused: their 400. About anything else: our bug, a 502 below.
    const errors = callerErrors(operation, body);
    if (errors.length) return new ValidationProblem(errors);
  } else if (isDomainAnswer(operation, status)) {
    return new DownstreamDomainProblem(
      status,
      typeof code === 'string' && CODE.test(code) ? code : 'core_api_rejected',
      typeof detail === 'string' && detail.length <= 200 ? detail : 'core-api refused the request.',
    );
  }
  if (status === 504) return new DownstreamTimeoutProblem(operation);
  if (status === 502 || status === 503 || status === 429 || status === 408)
    return new DownstreamUnavailableProblem(operation);
  return new DownstreamBadResponseProblem(operation);
}

const CODE = /^[a-z_]{1,64}$/;
const LOCATIONS = new Set(['query', 'body', 'path', 'header']);
const MESSAGE = /^[^\p{Cc}]{1,200}$/u;

/**
 * core-api's field errors about input the end user gave (the operation's `callerFields`, which
 * the BFFs' APIs name the same way), re-expressed for the BFF's client: only those fields, only
 * short plain messages, at most 10 of them. None: the 400 was about something the BFF built.
 */
function callerErrors(operation: Operation, body: unknown): FieldError[] {
  const errors = bodyField(body, 'errors');
  if (!Array.isArray(errors)) return [];
  const fields = callerFieldsOf(operation);
  const found: FieldError[] = [];
  for (const entry of errors.slice(0, 10)) {
    const field = bodyField(entry, 'field');
    const where = bodyField(entry, 'in');
    const messages = bodyField(entry, 'messages');
    if (typeof field !== 'string' || !fields.includes(field)) continue;
    const kept = Array.isArray(messages)
      ? messages.filter((m): m is string => typeof m === 'string' && MESSAGE.test(m)).slice(0, 5)
      : [];
    found.push({
      field,
      ...(typeof where === 'string' && LOCATIONS.has(where) ? { in: where } : {}),
      messages: kept.length ? kept : [`${field} is not valid`],
    });
  }
  return found;
}
