import { Controller, DynamicModule, Get, Inject, Module, ModuleMetadata } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorService,
  TerminusModule,
} from '@nestjs/terminus';
import { PublicRoute } from '@bff/platform-auth';
import { LifecycleService } from './lifecycle.service';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface HealthModuleOptions {
  imports?: ModuleMetadata['imports'];
  inject?: unknown[];
  /** Builds the readiness checks from injected providers (e.g. a database ping). */
  readiness?: (...deps: never[]) => HealthIndicatorFunction[];
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
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process is running and its event loop answers.' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the service can serve traffic (dependencies reachable, not shutting down).' })
  @ApiServiceUnavailableResponse({ description: 'Not ready: a dependency is down or the process is draining.' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.notShuttingDown(), ...this.readiness]);
  }

  private notShuttingDown() {
    const check = this.indicator.check('lifecycle');
    return this.lifecycle.isShuttingDown ? check.down({ state: 'shutting-down' }) : check.up({ state: 'serving' });
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
