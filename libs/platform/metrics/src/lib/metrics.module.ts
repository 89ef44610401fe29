import {
  Controller,
  DynamicModule,
  Get,
  Header,
  Inject,
  Module,
  OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@bff/platform-auth';
import { OperationsRoute } from '@bff/platform-health';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { installHttpMetrics } from './http-metrics';

/** The service's one Prometheus registry; libraries (e.g. core-client) register on it too. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

export interface MetricsModuleOptions {
  /** Service name, added as the `service` label of every series. */
  service: string;
  /** Serve `/metrics`. Metrics are still collected when false (for an admin port or push later). */
  expose: boolean;
}

/** Every scrape reads the counters as they are now. */
const METRICS_CACHE_CONTROL = 'no-store';

@ApiTags('operations')
@PublicRoute()
@Controller('metrics')
class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @OperationsRoute()
  @Header('cache-control', METRICS_CACHE_CONTROL)
  @ApiOperation({
    summary:
      'Prometheus metrics: HTTP RED metrics by route template, Node process metrics, downstream calls.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text exposition format.',
    content: { 'text/plain': { schema: { type: 'string' } } },
    headers: {
      'Cache-Control': {
        description: 'Every scrape reads the counters as they are now.',
        required: true,
        schema: { type: 'string', enum: [METRICS_CACHE_CONTROL] },
      },
    },
  })
  async metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

class HttpMetricsInstaller implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly registry: Registry,
  ) {}

  onModuleInit(): void {
    installHttpMetrics(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), this.registry);
  }
}

/** Prometheus metrics for a service: process metrics, HTTP RED metrics, and `/metrics`. */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: options.expose ? [MetricsController] : [],
      providers: [
        {
          provide: METRICS_REGISTRY,
          useFactory: () => {
            const registry = new Registry();
            registry.setDefaultLabels({ service: options.service });
            collectDefaultMetrics({ register: registry });
            return registry;
          },
        },
        {
          provide: HttpMetricsInstaller,
          inject: [HttpAdapterHost, METRICS_REGISTRY],
          useFactory: (host: HttpAdapterHost, registry: Registry) =>
            new HttpMetricsInstaller(host, registry),
        },
      ],
      exports: [METRICS_REGISTRY],
    };
  }
}
