import { HttpStatus } from '@nestjs/common';
import { ProblemException, sendProblem, toProblem } from '@bff/platform-problem';
import type { FastifyInstance, HTTPMethods } from 'fastify';

export class MethodNotAllowedProblem extends ProblemException {
  constructor(method: string, allowed: string[]) {
    super(
      HttpStatus.METHOD_NOT_ALLOWED,
      'method_not_allowed',
      `${method} is not served here; this address takes ${allowed.join(', ')}.`,
      { allowed },
    );
  }
}

/**
 * The methods the router would serve for this URL: asked of Fastify's own router (`findRoute`,
 * with the matching `lookup` uses — trailing slash, decoding, parameters) for every method
 * Fastify supports, so the list can never disagree with the routes. HEAD comes with GET.
 */
export function allowedMethods(fastify: FastifyInstance, url: string): string[] {
  return fastify.supportedMethods.filter(
    (method) => fastify.findRoute({ method: method as HTTPMethods, url }) !== null,
  );
}

/**
 * A request the router matched to no route gets 405 with `Allow` when the path exists for other
 * methods (TRACE, PATCH, OPTIONS, GET on a POST-only route), and the usual 404 otherwise.
 * Runs as the first hook of the not-found route, before guards, parsing and any handler; an
 * OPTIONS preflight is answered the same way, with no Access-Control-Allow-* header.
 */
export function answerWrongMethodWith405(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) return done();
    const allowed = allowedMethods(fastify, request.url);
    if (allowed.length === 0) return done();
    reply.header('allow', allowed.join(', '));
    // Answered here: the request goes no further (Fastify's rule for a hook that sends).
    sendProblem(reply, toProblem(new MethodNotAllowedProblem(request.method, allowed), request));
  });
}
