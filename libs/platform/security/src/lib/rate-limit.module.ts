import {
  applyDecorators,
  DynamicModule,
  ExecutionContext,
  Module,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { STATE_STORE, StateStore } from '@bff/platform-state';
import { RateLimitEnv } from './rate-limit.env';
import { RateLimitGuard } from './rate-limit.guard';
import { StateThrottlerStorage } from './state-throttler.storage';
import { AUTH_RATE_LIMIT_EXTENSION, AUTH_THROTTLER } from './rate-limit.openapi';

const AUTH_ROUTE = 'platform-security:auth-route';

/**
 * Marks a route that takes credentials or tokens (login, token, refresh): on top of the general
 * limit it counts against `AUTH_RATE_LIMIT_MAX` per client IP in `RATE_LIMIT_WINDOW_MS`. The same
 * mark tells `declareRateLimits` to declare the second limit's headers on its operations.
 */
export const AuthRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_ROUTE, true),
    ApiExtension(AUTH_RATE_LIMIT_EXTENSION, AUTH_THROTTLER),
  );

function isAuthRoute(context: ExecutionContext): boolean {
  return [context.getHandler(), context.getClass()].some(
    (target) => Reflect.getMetadata(AUTH_ROUTE, target) === true,
  );
}

/**
 * A rate limit on every route, per client IP (Fastify's `request.ip`; configure `trustProxy`
 * behind a proxy), counted in the service's StateStore so replicas share it through Redis.
 * Needs `StateModule` (bffFoundation imports both).
 */
@Module({})
export class RateLimitModule {
  static forRoot(env: RateLimitEnv): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [STATE_STORE],
          useFactory: (store: StateStore) => ({
            storage: new StateThrottlerStorage(store),
            throttlers: [
              { name: 'default', limit: env.RATE_LIMIT_MAX, ttl: env.RATE_LIMIT_WINDOW_MS },
              {
                name: AUTH_THROTTLER,
                limit: env.AUTH_RATE_LIMIT_MAX,
                ttl: env.RATE_LIMIT_WINDOW_MS,
                skipIf: (context) => !isAuthRoute(context),
              },
            ],
          }),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}
