import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';
import { ProblemException } from '@bff/platform-problem';
import { RouteFlag } from '@bff/platform-routing';
import type { FastifyInstance } from 'fastify';
import {
  FORM_BODY_CONFIG,
  FORM_CONTENT_TYPE,
  FormBodyRequiredProblem,
  takesFormBody,
} from './form-route';
import {
  BodyTooComplexProblem,
  isUtf8,
  JsonBodyLimits,
  JsonBodyRequiredProblem,
} from './json-body';

export class MalformedFormBodyProblem extends ProblemException {
  constructor(detail: string) {
    super(HttpStatus.BAD_REQUEST, 'malformed_form_body', detail);
  }
}

/**
 * Opts ONE route into `application/x-www-form-urlencoded` bodies (a protocol endpoint another
 * server posts to, such as OpenID back-channel logout), and out of JSON. It is route metadata
 * (a route flag, Fastify's `routeOptions.config`) read by the parsers from the route
 * Fastify matched: no other route, under any spelling of its path or with any other method,
 * parses a form (415 `json_body_required`, as before), and this one refuses JSON
 * (415 `form_body_required`).
 */
export function FormBody(): MethodDecorator {
  return applyDecorators(
    RouteFlag(FORM_BODY_CONFIG),
    ApiConsumes(FORM_CONTENT_TYPE),
  ) as MethodDecorator;
}

/**
 * A form body as one string per field. A repeated field is refused (parameter pollution: which
 * copy counts would be the parser's choice), and so are more fields than `maxMembers`.
 */
export function parseFormBody(text: string, limits: JsonBodyLimits): Record<string, string> {
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (fields.has(name)) throw new MalformedFormBodyProblem(`The field "${name}" is repeated.`);
    fields.set(name, value);
    if (fields.size > limits.maxMembers) throw new BodyTooComplexProblem(limits, 'members');
  }
  // Own data properties (never a prototype), for the ValidationPipe to whitelist.
  return Object.fromEntries(fields);
}

/**
 * Registers the form parser, which parses only on a {@link FormBody} route and refuses everywhere
 * else with the same 415 as any other body that is not JSON. createApp calls it.
 */
export function acceptFormBodiesWhereDeclared(
  fastify: FastifyInstance,
  limits: JsonBodyLimits,
): void {
  fastify.addContentTypeParser(FORM_CONTENT_TYPE, { parseAs: 'string' }, (request, body, done) => {
    if (!takesFormBody(request)) return done(new JsonBodyRequiredProblem(), undefined);
    if (!isUtf8(request.headers['content-type']))
      return done(new FormBodyRequiredProblem(), undefined);
    try {
      return done(null, parseFormBody(body as string, limits));
    } catch (error) {
      return done(error as Error, undefined);
    }
  });
}
