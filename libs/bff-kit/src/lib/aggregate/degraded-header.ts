import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { hasRouteFlag, RouteFlag } from '@bff/platform-routing';
import type { FastifyInstance } from 'fastify';

export const DEGRADED_HEADER = 'x-degraded';

/** The route flag (`@bff/platform-routing`) a `@DegradableAggregate()` route carries. */
export const DEGRADED_HEADER_CONFIG = 'degradedHeader';

/** Marks a route whose answers repeat their `degraded` list in `X-Degraded`. */
export const SendsDegradedHeader = (): MethodDecorator => RouteFlag(DEGRADED_HEADER_CONFIG);

/**
 * Repeats a partial answer's `degraded` list in an `X-Degraded: reviews,related` header, so
 * caches, logs and clients can tell a partial answer without reading the body. A Fastify
 * `preSerialization` hook on the routes marked `SendsDegradedHeader()`, not a Nest interceptor:
 * an interceptor makes Nest run the handler through an rxjs pipeline on every request, a tenth
 * of a page's framework time for one header (docs/performance.md).
 */
@Injectable()
class DegradedHeaderHook implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preSerialization', (request, reply, payload, done) => {
      if (hasRouteFlag(request.routeOptions?.config, DEGRADED_HEADER_CONFIG)) {
        const degraded = (payload as { degraded?: unknown } | null)?.degraded;
        if (Array.isArray(degraded) && degraded.length > 0)
          reply.header(DEGRADED_HEADER, degraded.join(','));
      }
      done(null, payload);
    });
  }
}

/** Sends `X-Degraded` on the routes that declare it; part of `bffFoundation()`. */
@Module({ providers: [DegradedHeaderHook] })
export class DegradedHeaderModule {}
