import { traceRequests } from '@bff/platform-tracing';
import { createServer, type RequestListener, type Server } from 'node:http';

/**
 * The HTTP server Fastify serves on (its `serverFactory`): Node's own, with the request listener
 * run inside each request's server span (`traceRequests`), and the timeouts Fastify would have set
 * on a server it created itself (its `requestTimeout` and `connectionTimeout` defaults are 0).
 */
export function tracedHttpServer(
  handler: RequestListener,
  { keepAliveTimeout }: { keepAliveTimeout: number },
): Server {
  const server = createServer(traceRequests(handler));
  server.keepAliveTimeout = keepAliveTimeout;
  server.requestTimeout = 0;
  server.setTimeout(0);
  return server;
}
