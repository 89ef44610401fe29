import { DynamicModule, Module } from '@nestjs/common';
import { PersonalAnswersModule } from '@bff/platform-auth';
import type { Clock } from '@bff/platform-state';
import { CsrfModule } from './csrf/csrf.module';
import { IDENTITY_CONTROLLERS, IDENTITY_PROVIDERS } from './identity/identity-routes';
import { OidcModule } from './oidc/oidc.module';
import { PERSONAL_CACHE_CONTROL } from './session-openapi';
import type { SessionAuthOptions } from './session-options';
import { SessionModule } from './session/session.module';

/**
 * A BFF as the identity provider's confidential client with a server-side session: personal
 * answers never stored (`Cache-Control: no-store`), anti-CSRF on every route, the OIDC client, the sessions (global: any feature module puts
 * `@RequiresSession()` on a route) and the `/bff/*` identity routes. Import it right after
 * `bffFoundation(...)`: its routes come first in the OpenAPI document.
 */
@Module({})
export class SessionAuthModule {
  /** `clock` replaces the app's clock for session timeouts (tests pass a ManualClock). */
  static forRoot(options: SessionAuthOptions, clock?: Clock): DynamicModule {
    return {
      module: SessionAuthModule,
      imports: [
        PersonalAnswersModule.forRoot({ cacheControl: PERSONAL_CACHE_CONTROL }),
        CsrfModule.forRoot(options.csrf),
        OidcModule.forRoot(options.oidc),
        SessionModule.forRoot(options.session, options.cookies, clock),
      ],
      controllers: IDENTITY_CONTROLLERS,
      providers: IDENTITY_PROVIDERS,
    };
  }
}
