import { DynamicModule, Module } from '@nestjs/common';
import { bffFoundation } from '@bff/bff-kit';
import { PersonalAnswersModule } from '@bff/platform-auth';
import { Clock } from '@bff/platform-state';
import { PERSONAL_CACHE_CONTROL } from './openapi-info';
import { WebBffEnv } from '../config/env';
import { CsrfModule } from '../csrf/csrf.module';
import { IdentityModule } from '../identity/identity.module';
import { OidcModule } from '../oidc/oidc.module';
import { oidcSettingsFromEnv } from '../oidc/oidc-settings';
import { MediaModule } from '../media/media.module';
import { CartItemsModule, PagesModule } from '../pages/pages.module';
import { SessionModule } from '../session/session.module';

@Module({})
export class AppModule {
  /** `clock` replaces the system clock for session timeouts (tests pass a ManualClock). */
  static forRoot(env: WebBffEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...bffFoundation('web-bff', env),
        PersonalAnswersModule.forRoot({ cacheControl: PERSONAL_CACHE_CONTROL }),
        CsrfModule.forRoot({ publicOrigins: env.PUBLIC_ORIGINS }),
        OidcModule.forRoot(oidcSettingsFromEnv(env)),
        SessionModule.forRoot(
          {
            idleMs: env.SESSION_IDLE_MS,
            absoluteMs: env.SESSION_ABSOLUTE_MS,
            maxPerCustomer: env.SESSION_MAX_PER_CUSTOMER,
          },
          clock,
        ),
        // In the order of openapi/web-bff.json's paths (the document follows registration).
        IdentityModule,
        PagesModule,
        MediaModule,
        CartItemsModule,
      ],
    };
  }
}
