import { DynamicModule, Module } from '@nestjs/common';
import { bffFoundation } from '@bff/bff-kit';
import { signInLimitFromEnv } from '@bff/platform-security';
import { PersonalAnswersModule } from '@bff/platform-auth';
import { Clock } from '@bff/platform-state';
import { AuthModule } from '../auth/auth.module';
import { accessTokenKeyFromEnv } from '../auth/access-token-secret';
import { MobileBffEnv } from '../config/env';
import { MediaModule } from '../media/media.module';
import { ScreensModule } from '../screens/screens.module';
import { PERSONAL_CACHE_CONTROL } from './openapi-info';

export interface AppModuleOverrides {
  /** Tests move time for the token rules with a ManualClock. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(env: MobileBffEnv, overrides: AppModuleOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...bffFoundation('mobile-bff', env),
        PersonalAnswersModule.forRoot({ cacheControl: PERSONAL_CACHE_CONTROL }),
        AuthModule.forRoot({
          accessTokenKey: accessTokenKeyFromEnv(env),
          accessTokenTtlMs: env.ACCESS_TOKEN_TTL_MS,
          refreshAbsoluteMs: env.REFRESH_ABSOLUTE_MS,
          refreshReuseGraceMs: env.REFRESH_REUSE_GRACE_MS,
          maxFamiliesPerCustomer: env.REFRESH_FAMILIES_MAX_PER_CUSTOMER,
          signInLimit: signInLimitFromEnv(env),
          clock: overrides.clock,
        }),
        ScreensModule,
        MediaModule,
      ],
    };
  }
}
