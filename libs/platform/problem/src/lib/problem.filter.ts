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
    return {
      type: 'about:blank',
      title: titleFor(status),
      status,
      detail: httpExceptionDetail(exception, status),
      ...base,
    };
  }
  const status = fastifyErrorStatus(exception);
  if (status) {
    return { type: 'about:blank', title: titleFor(status), status, detail: safeMessage(exception), ...base };
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
  return typeof message === 'string' ? (message.split('\n')[0] ?? '').slice(0, 300) : 'Invalid request.';
}
