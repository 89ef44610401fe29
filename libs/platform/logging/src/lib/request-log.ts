import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { activeTraceId } from './trace-id';

/** Routes whose requests would only be noise in the log (by matched route template, not URL text). */
const QUIET = /^\/(health\/|metrics$)/;

/**
 * One JSON line per request, written when the response is sent: method, URL, route template,
 * status, duration in ms, request id and trace id. Headers and bodies are never logged, so
 * credentials cannot leak through this line.
 */
export function installRequestLog(
  fastify: FastifyInstance,
  logger: () => Logger | undefined,
): void {
  // Callback-style hooks: they run on every request, and an async hook costs a promise each time.
  fastify.addHook('onRequest', (request, _reply, done) => {
    // Captured here, inside the request's server span; the response hook may run outside it.
    (request as { traceId?: string }).traceId = activeTraceId();
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    writeRequestLine(request, reply, requestLineLogger(logger()));
    done();
  });
}

const lineLoggers = new WeakMap<Logger, Logger>();

/**
 * The service's logger without its redaction, for the request line only. The line's fields are
 * fixed and flat (no headers, no bodies), so no redacted path can ever match them, yet pino ran
 * every wildcard path (`*.password`, …) over each of its fields on every request: a twentieth of
 * a page's allocations (docs/performance.md). Every other line keeps the redaction.
 */
function requestLineLogger(root: Logger | undefined): Logger | undefined {
  if (!root) return undefined;
  let line = lineLoggers.get(root);
  if (!line) {
    line = root.child({}, { redact: [] });
    lineLoggers.set(root, line);
  }
  return line;
}

function writeRequestLine(
  request: FastifyRequest,
  reply: FastifyReply,
  log: Logger | undefined,
): void {
  if (!log || QUIET.test(request.routeOptions?.url ?? '')) return;
  const status = reply.statusCode;
  if (status < 400 && !log.isLevelEnabled('info')) return;
  // Flat field names: pino-http's `req`/`res` serializers expect raw Node objects.
  const entry = {
    requestId: String(request.id),
    traceId: (request as { traceId?: string }).traceId,
    method: request.method,
    path: request.url.split('?')[0],
    route: request.routeOptions?.url,
    status,
    responseTime: Math.round(reply.elapsedTime * 10) / 10,
  };
  if (status >= 500) log.error(entry, 'request failed');
  else if (status >= 400) log.warn(entry, 'request completed');
  else log.info(entry, 'request completed');
}
