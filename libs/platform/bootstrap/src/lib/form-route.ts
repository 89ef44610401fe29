import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';
import { hasRouteFlag } from '@bff/platform-routing';
import type { FastifyRequest } from 'fastify';

// What both body parsers read from the matched route: whether it opted into form bodies.

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** The route flag (`@bff/platform-routing`) a `@FormBody()` route carries. */
export const FORM_BODY_CONFIG = 'formBody';

export class FormBodyRequiredProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'form_body_required',
      `This operation takes an ${FORM_CONTENT_TYPE} body in UTF-8, and nothing else.`,
    );
  }
}

/** Whether the route Fastify matched for this request carries `@FormBody()`. */
export function takesFormBody(request: FastifyRequest): boolean {
  return hasRouteFlag(request.routeOptions?.config, FORM_BODY_CONFIG);
}
