import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ServiceTokenVerifier } from '@bff/platform-auth';
import { CoreApiEnv } from '../config/env';
import { callerKeyLookup } from './caller-keys';
import { SERVICE_TOKEN_VERIFIER, ServiceAuthGuard } from './service-auth.guard';

/** Installs the service-token guard on every route. */
@Module({})
export class AuthModule {
  static forRoot(env: CoreApiEnv): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        {
          provide: SERVICE_TOKEN_VERIFIER,
          useFactory: () => new ServiceTokenVerifier(callerKeyLookup(env)),
        },
        { provide: APP_GUARD, useClass: ServiceAuthGuard },
      ],
    };
  }
}
