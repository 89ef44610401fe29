import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import 'reflect-metadata';

/**
 * Marks a handler with `name` in its Fastify route config (`request.routeOptions.config`), for a
 * hook or a parser to act on the routes that carry it: a protection bound to the route Fastify
 * matched, never to URL text. Unlike Nest's `@RouteConfig()`, which replaces the handler's whole
 * config, the flags of several `@RouteFlag()`s on one handler add up (put a `@RouteConfig()` of
 * your own below them, or it replaces them).
 */
export function RouteFlag(name: string): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const config: unknown = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler);
    Reflect.defineMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      { ...(typeof config === 'object' ? config : {}), [name]: true },
      handler,
    );
    return descriptor;
  };
}

/** Whether a route's Fastify config (`request.routeOptions.config`) carries `@RouteFlag(name)`. */
export function hasRouteFlag(config: unknown, name: string): boolean {
  return typeof config === 'object' && config !== null && Reflect.get(config, name) === true;
}
