import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { LabelledHistogram } from './labelled-histogram';

/** Label of requests that matched no route (404s), so unknown URLs never become labels. */
export const UNMATCHED_ROUTE = 'unmatched';

/** A status code's class label by its first digit, so no request builds the string. */
const STATUS_CLASSES = ['0xx', '1xx', '2xx', '3xx', '4xx', '5xx'];
const statusClass = (status: number): string => {
  const digit = Math.floor(status / 100);
  return STATUS_CLASSES[digit] ?? `${digit}xx`;
};

/**
 * RED metrics for every HTTP request: one histogram (its _count is the rate, errors are the
 * 4xx/5xx status classes, its buckets the duration), labelled by method, the route *template*
 * (`/api/pages/product/:id`, never the raw URL) and the status class, so label cardinality is
 * bounded by the number of routes.
 */
export function installHttpMetrics(
  fastify: FastifyInstance,
  registry: Registry,
): LabelledHistogram<'method' | 'route' | 'status_class'> {
  const histogram = new LabelledHistogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP requests served, by method, route template and status class.',
    labelNames: ['method', 'route', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // Callback style: this runs on every request, and an async hook costs a promise each time.
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? UNMATCHED_ROUTE;
    histogram.observe(
      { method: request.method, route, status_class: statusClass(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
  return histogram;
}
