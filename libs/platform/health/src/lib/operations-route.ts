import { hasRouteFlag, RouteFlag } from '@bff/platform-routing';

/** The route flag that marks an operational endpoint (probes, metrics, docs). */
export const OPERATIONS_ROUTE = 'operations';

/**
 * Marks a handler as an operational endpoint. When the service has an admin port
 * (`ADMIN_PORT`), such a route answers there only, and everything else answers on the public
 * port only (libs/platform/bootstrap). The mark is the route's own config, so no spelling of
 * its URL reaches it from the wrong port.
 */
export const OperationsRoute = (): MethodDecorator => RouteFlag(OPERATIONS_ROUTE);

/** Whether a route's Fastify config (`request.routeOptions.config`) marks it as operational. */
export function isOperationsRoute(config: unknown): boolean {
  return hasRouteFlag(config, OPERATIONS_ROUTE);
}
