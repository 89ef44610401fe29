import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, titleFor } from './problem';

/**
 * Turns every error that reaches the HTTP layer into RFC 9457 problem+json.
 * Known errors keep their status; anything else is a 500 whose body says nothing about
 * the cause (the stack goes to the log, with the request id, never to the client).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(exception, request);
    if (problem.status >= 500) {
      this.logger.error(
        { err: exception, requestId: request.id, status: problem.status },
        `Request failed with ${problem.status}`,
      );
    }
    sendProblem(reply, problem);
  }
}

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  if (reply.sent) return;
  reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

export function toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
  const base = { instance: request.url?.split('?')[0], requestId: String(request.id) };
  if (exception instanceof ProblemException) {
    const status = exception.getStatus();
    return {
      type: `about:blank`,
      title: titleFor(status),
      status,
      detail: exception.message,
      code: exception.code,
      ...exception.extensions,
      ...base,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Nest hands Fastify's own 4xx errors over as an HttpException caused by them.
    const known = fastifyProblem(exception.cause);
    return {
      type: 'about:blank',
      title: titleFor(status),
      status,
      detail: known?.detail ?? httpExceptionDetail(exception, status),
      ...(known && { code: known.code }),
      ...base,
    };
  }
  const status = fastifyErrorStatus(exception);
  if (status) {
    const known = fastifyProblem(exception);
    return {
      type: 'about:blank',
      title: titleFor(status),
      status,
      detail: known?.detail ?? safeMessage(exception),
      ...(known && { code: known.code }),
      ...base,
    };
  }
  return {
    type: 'about:blank',
    title: titleFor(500),
    status: 500,
    detail: 'The server could not complete the request. Quote the request id when reporting it.',
    ...base,
  };
}

function httpExceptionDetail(exception: HttpException, status: number): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return titleFor(status);
}

/**
 * Stable codes for the Fastify errors clients meet, and a plain detail where Fastify's message
 * would echo the request (a 200-character path) or name only one of the accepted types.
 */
const FASTIFY_PROBLEMS = new Map<string, { code: string; detail?: string }>([
  [
    'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    { code: 'json_body_required', detail: 'Request bodies must be application/json, in UTF-8.' },
  ],
  ['FST_ERR_CTP_INVALID_JSON_BODY', { code: 'invalid_json' }],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', { code: 'invalid_json' }],
  ['FST_ERR_CTP_BODY_TOO_LARGE', { code: 'body_too_large' }],
  ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', { code: 'invalid_content_length' }],
  [
    'FST_ERR_MAX_PARAM_LENGTH',
    {
      code: 'path_parameter_too_long',
      detail: 'A path parameter is longer than this service accepts.',
    },
  ],
  [
    'FST_ERR_BAD_URL',
    { code: 'bad_url', detail: 'The path is not a valid URL (malformed percent-encoding).' },
  ],
]);

function fastifyProblem(error: unknown): { code: string; detail?: string } | undefined {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? FASTIFY_PROBLEMS.get(code) : undefined;
}

/**
 * Fastify's own 4xx errors (malformed JSON, unsupported media type, body too large) carry a
 * `statusCode` and an `FST_` code. Their messages describe the input, not the server.
 */
function fastifyErrorStatus(exception: unknown): number | undefined {
  if (!exception || typeof exception !== 'object') return undefined;
  const { statusCode, code } = exception as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  if (typeof code !== 'string' || !code.startsWith('FST_')) return undefined;
  return statusCode;
}

function safeMessage(exception: unknown): string {
  const message = (exception as { message?: unknown }).message;
  return typeof message === 'string'
    ? (message.split('\n')[0] ?? '').slice(0, 300)
    : 'Invalid request.';
}
