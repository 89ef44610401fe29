import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isOperationsRoute, OPERATIONS_ROUTE } from '@bff/platform-health';
import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where the operational endpoints answer under NODE_ENV=production when ADMIN_PORT is unset. */
export const PRODUCTION_ADMIN_PORT = 9000;

/** The admin port a service runs with: ADMIN_PORT, else 9000 in production, else none (one port). */
export function adminPortOf(env: { ADMIN_PORT?: number; NODE_ENV?: string }): number | undefined {
  return env.ADMIN_PORT ?? (env.NODE_ENV === 'production' ? PRODUCTION_ADMIN_PORT : undefined);
}

/**
 * The route templates Swagger UI and the OpenAPI document are registered under (setupOpenApi);
 * SwaggerModule registers them on Fastify directly, so they get their mark from their template.
 */
const DOCS_ROUTE = /^\/docs(-json|-yaml)?(\/.*)?$/;

export interface AdminPort {
  /** Starts the admin server on `port` (0: any free port) and resolves with its URL. */
  listen(port: number, host: string): Promise<string>;
}

/**
 * Splits one app over two ports: operational routes (marked with `@OperationsRoute()`, and the
 * docs) answer only on the admin port, every other route only on the public one; the wrong port
 * answers exactly as for a route that does not exist (404 problem+json). Both ports go through the
 * same Fastify routing, hooks and filters. The decision is made on the matched route, so no
 * spelling of a URL (`/%6detrics`, `/metrics/`) crosses over. The admin server closes with the app.
 *
 * Call from `configure` (before the docs are registered), so every route is seen.
 */
export function separateOperations(app: NestFastifyApplication): AdminPort {
  const fastify = app.getHttpAdapter().getInstance();
  const adminRequests = new WeakSet<IncomingMessage>();

  fastify.addHook('onRoute', (route) => {
    if (DOCS_ROUTE.test(route.url)) route.config = { ...route.config, [OPERATIONS_ROUTE]: true };
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const operations = isOperationsRoute(request.routeOptions.config);
    if (request.is404 || operations === adminRequests.has(request.raw)) {
      done();
      return;
    }
    reply.callNotFound();
  });

  const server = createServer((req, res) => {
    adminRequests.add(req);
    fastify.routing(req, res);
  });
  fastify.addHook('onClose', (_instance, done) => {
    if (!server.listening) return done();
    server.close(() => done());
    server.closeIdleConnections();
  });

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const { address, port: bound } = server.address() as AddressInfo;
          resolve(`http://${address.includes(':') ? `[${address}]` : address}:${bound}`);
        });
      }),
  };
}
