import {
  type Attributes,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Probes and scrapes are not worth a trace each. */
export const UNTRACED_PATHS = /^\/(health\/|metrics|docs)/;

let tracer: Tracer | undefined;

/** Set by `startTracing` (and cleared at its shutdown): the tracer server spans come from. */
export function setServerTracer(next: Tracer | undefined): void {
  tracer = next;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Wraps an HTTP server's request listener so each request runs inside its SERVER span: the
 * caller's context is read with the global propagator (`BoundaryPropagator`: W3C only, an untrusted
 * caller's trace linked rather than adopted), the span is started by the sampler's decision, and
 * the listener runs in its context, so logs, core-api calls and their `traceparent` carry its ids.
 *
 * A span that is not sampled (9 requests in 10 at 10 %) costs only its ids and the context:
 * attributes, listeners and the end are only for a recorded one. That is why it replaces
 * `@opentelemetry/instrumentation-http`, which computed every attribute, bound the request and
 * response emitters and wrapped `end` for every request before sampling (docs/performance.md).
 * A request with a body has its emitter bound to the span's context, so a handler that runs once
 * the body has been read (from the socket's `end` event) still runs inside the span.
 *
 * With tracing off (`startTracing` not called, or `OTEL_SDK_DISABLED=true`) the listener runs as is.
 */
export function traceRequests(listener: Listener): Listener {
  return (req, res) => {
    if (!tracer || UNTRACED_PATHS.test(req.url ?? '')) return listener(req, res);
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(req.method ?? 'HTTP', { kind: SpanKind.SERVER }, parent);
    const active = trace.setSpan(parent, span);
    if (span.isRecording()) recordRequest(span, req, res);
    if (hasBody(req)) context.bind(active, req);
    context.with(active, listener, undefined, req, res);
  };
}

/**
 * Names the active server span after the route template that matched (`GET /products/:id`, the
 * semantic conventions' low-cardinality name) and records `http.route`, when it is recorded.
 */
export function recordRoute(method: string, route: string | undefined): void {
  if (!route) return;
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.updateName(`${method} ${route}`);
  span.setAttribute('http.route', route);
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** The stable HTTP semantic conventions of a server span; never the query string or a body. */
function recordRequest(span: Span, req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const socket = req.socket;
  const attributes: Attributes = {
    'http.request.method': req.method,
    'url.scheme': 'encrypted' in socket && socket.encrypted ? 'https' : 'http',
    'url.path': query < 0 ? url : url.slice(0, query),
    'network.protocol.version': req.httpVersion,
    'network.peer.address': socket.remoteAddress,
    'network.peer.port': socket.remotePort,
    'server.port': socket.localPort,
    'user_agent.original': req.headers['user-agent'],
  };
  const host = req.headers.host;
  if (host) attributes['server.address'] = host.replace(/:\d+$/, '');
  span.setAttributes(attributes);
  res.once('close', () => {
    const status = res.statusCode;
    span.setAttribute('http.response.status_code', status);
    if (!res.writableFinished) {
      span.setAttribute('error.type', 'aborted');
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'response not completed' });
    } else if (status >= 500) {
      // Only a 5xx is the server's error; a 4xx is the client's (semantic conventions).
      span.setAttribute('error.type', String(status));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  });
}
