import {
  applyDecorators,
  Controller,
  DynamicModule,
  Get,
  Header,
  Inject,
  Module,
  ModuleMetadata,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorService,
  TerminusModule,
} from '@nestjs/terminus';
import { PublicRoute } from '@bff/platform-auth';
import type { FastifyReply } from 'fastify';
import { LifecycleService } from './lifecycle.service';
import { OperationsRoute } from './operations-route';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** A probe must see the process as it is now: no cache may answer for it. */
export const HEALTH_CACHE_CONTROL = 'no-cache, no-store, must-revalidate';

/**
 * Sends {@link HEALTH_CACHE_CONTROL} on both answers of a probe and declares it there, from one
 * constant (Terminus's `noCache` would send the same header without declaring it). Put it above
 * `@HealthCheck(...)`, whose answers it adds the header to.
 */
const NotCached = () =>
  applyDecorators(
    Header('Cache-Control', HEALTH_CACHE_CONTROL),
    ...[200, 503].map((status) =>
      ApiResponse({
        status,
        description: '',
        headers: {
          'Cache-Control': {
            description: 'Probes are never answered from a cache.',
            required: true,
            schema: { type: 'string', enum: [HEALTH_CACHE_CONTROL] },
          },
        },
      }),
    ),
  );
const HEALTH_CHECK = { noCache: false, swaggerDocumentation: true };
const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

export interface HealthModuleOptions {
  imports?: ModuleMetadata['imports'];
  inject?: unknown[];
  /** Builds the readiness checks from injected providers (e.g. a database ping). */
  readiness?: (...deps: never[]) => HealthIndicatorFunction[];
  /** Include each check's details in answers (default true); off, only `{ status }` is shown. */
  details?: boolean;
}

@ApiTags('health')
@PublicRoute()
@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly lifecycle: LifecycleService,
    @Inject(READINESS_CHECKS) private readonly readiness: HealthIndicatorFunction[],
    @Inject(HEALTH_OPTIONS) private readonly options: { details: boolean },
  ) {}

  @Get('live')
  @OperationsRoute()
  @NotCached()
  @HealthCheck(HEALTH_CHECK)
  @ApiOperation({
    summary:
      'Liveness: the process is running and its event loop answers. Depends on nothing else.',
  })
  async live(): Promise<HealthCheckResult | { status: string }> {
    return this.shape(await this.health.check([]));
  }

  @Get('ready')
  @OperationsRoute()
  @NotCached()
  @HealthCheck(HEALTH_CHECK)
  @ApiOperation({
    summary:
      'Readiness: the service can serve traffic (its own dependencies up, not shutting down).',
  })
  @ApiServiceUnavailableResponse({
    description: 'Not ready: a required dependency is down or the process is draining.',
  })
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthCheckResult | { status: string }> {
    try {
      return this.shape(await this.health.check([() => this.notShuttingDown(), ...this.readiness]));
    } catch (error) {
      // Terminus reports "not ready" as an exception carrying the result; answer it as it is.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return this.shape(error.getResponse() as HealthCheckResult);
    }
  }

  private shape(result: HealthCheckResult): HealthCheckResult | { status: string } {
    return this.options.details ? result : { status: result.status };
  }

  private notShuttingDown() {
    const check = this.indicator.check('lifecycle');
    return this.lifecycle.isShuttingDown
      ? check.down({ state: 'shutting-down' })
      : check.up({ state: 'serving' });
  }
}

/** `/health/live` and `/health/ready` (Terminus), with readiness checks supplied by the app. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    return {
      module: HealthModule,
      global: true,
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        LifecycleService,
        { provide: HEALTH_OPTIONS, useValue: { details: options.details ?? true } },
        {
          provide: READINESS_CHECKS,
          inject: (options.inject ?? []) as never[],
          useFactory: (...deps: never[]) => options.readiness?.(...deps) ?? [],
        },
      ],
      exports: [LifecycleService],
    };
  }
}
