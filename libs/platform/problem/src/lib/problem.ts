import { HttpException, HttpStatus } from '@nestjs/common';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One field that failed validation. */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `limit` or `items.0.quantity`. */
  field: string;
  /** Where the field came from, when known: `path`, `query`, `body`, `header`. */
  in?: string;
  messages: string[];
}

/** RFC 9457 problem details, with the request id every answer carries. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  /** A stable, machine-readable code (e.g. `product_not_found`). */
  code?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function titleFor(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/**
 * The one exception type services throw for a known failure. Domain errors extend it so that
 * they are mapped to problem+json in one place ({@link ProblemFilter}) and nowhere else.
 */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus | number,
    readonly code: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, status);
    this.name = new.target.name;
  }
}

export class NotFoundProblem extends ProblemException {
  constructor(resource: string, id: string | number) {
    super(HttpStatus.NOT_FOUND, `${resource}_not_found`, `No ${resource} has id ${id}.`);
  }
}

/** Raised for input the validator rejected; `errors` names each field. */
export class ValidationProblem extends ProblemException {
  constructor(readonly errors: FieldError[]) {
    super(HttpStatus.BAD_REQUEST, 'validation_failed', describe(errors), { errors });
  }
}

function describe(errors: FieldError[]): string {
  const first = errors[0];
  if (!first) return 'The request is not valid.';
  const rest = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${first.field}: ${first.messages.join('; ')}${rest}`;
}
