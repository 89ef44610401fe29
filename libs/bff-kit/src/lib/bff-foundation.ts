import { DynamicModule } from '@nestjs/common';
import {
  CoreApiWatch,
  CoreClientEnv,
  CoreClientModule,
  coreClientOptionsFromEnv,
} from '@bff/core-client';
import { ServiceEnv } from '@bff/platform-config';
import { HealthModule } from '@bff/platform-health';
import { LoggingModule } from '@bff/platform-logging';
import { MetricsModule } from '@bff/platform-metrics';
import { RateLimitEnv, RateLimitModule } from '@bff/platform-security';
import { StateModule } from '@bff/platform-state';
import { DegradedHeaderModule } from './aggregate/degraded-header';
import { CoreApiHealthIndicator } from './core-api.health';

/**
 * What every BFF's AppModule imports before its own feature modules: JSON logs, Prometheus
 * metrics (core-client's downstream series on the same registry), state between requests
 * (`STATE_STORE` and `CLOCK`: memory, or Redis with `REDIS_URL`), a rate limit on every route
 * counted in that state, the core-api client (global, so any feature module can inject
 * `CoreApiClient`) and health, whose readiness reports — but never fails on — core-api's
 * reachability. Routes marked `@DegradableAggregate()` send `X-Degraded` (`DegradedHeaderModule`).
 */
export function bffFoundation(
  service: string,
  env: ServiceEnv & CoreClientEnv & RateLimitEnv,
): DynamicModule[] {
  return [
    LoggingModule.forRoot({ service, level: env.LOG_LEVEL }),
    MetricsModule.forRoot({ service, expose: env.METRICS_ENABLED }),
    StateModule.forRoot({ namespace: service, redisUrl: env.REDIS_URL }),
    RateLimitModule.forRoot(env),
    { module: DegradedHeaderModule },
    { ...CoreClientModule.forRoot(coreClientOptionsFromEnv(env, service)), global: true },
    HealthModule.forRoot({
      details: env.HEALTH_DETAILS,
      inject: [CoreApiWatch],
      readiness: (watch: CoreApiWatch) => {
        const coreApi = new CoreApiHealthIndicator(watch.baseUrl, undefined, undefined, watch);
        return [() => coreApi.check()];
      },
    }),
  ];
}
