import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  HttpStatus,
  Injectable,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems, ProblemException } from '@bff/platform-problem';
import type { FastifyRequest } from 'fastify';

export const CSRF_HEADER = 'x-csrf';
export const CSRF_VALUE = '1';
const API_PREFIX = /^\/api(\/|\?|$)/;

export class CsrfHeaderMissingProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.FORBIDDEN,
      'csrf_header_missing',
      'Every /api request needs the header "X-CSRF: 1" (see docs/web-bff-security.md).',
    );
  }
}

export class JsonBodyRequiredProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'json_body_required',
      'Request bodies must be application/json.',
    );
  }
}

/**
 * Anti-CSRF for the cookie session, on every /api request whatever its method: the browser must
 * send `X-CSRF: 1`. A cross-site page cannot: a form or a link cannot set headers, and fetch()
 * with a custom header needs a CORS preflight that web-bff never approves. Runs as a global guard,
 * before any handler, so a refused request never reaches core-api. A body must also be JSON, which
 * no HTML form can send.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!API_PREFIX.test(request.url)) return true;
    if (request.headers[CSRF_HEADER] !== CSRF_VALUE) throw new CsrfHeaderMissingProblem();
    if (hasBody(request) && !isJson(request.headers['content-type'])) {
      throw new JsonBodyRequiredProblem();
    }
    return true;
  }
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined
  );
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

/** Documents the header on every operation of an /api controller (Swagger UI then sends it too). */
export function CsrfHeader(): ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'X-CSRF',
      required: true,
      description: 'Anti-CSRF header; requests without it are refused with 403.',
      schema: { type: 'string', enum: [CSRF_VALUE] },
    }),
    ApiProblems(403),
  );
}
