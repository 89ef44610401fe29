import { DynamicModule, Module } from '@nestjs/common';
import { bffFoundation } from '@bff/bff-kit';
import { SessionAuthModule, SessionAuthOptions } from '@bff/bff-session';
import { Clock } from '@bff/platform-state';
import { WebBffEnv } from '../config/env';
import { MediaModule } from '../media/media.module';
import { CartItemsModule, PagesModule } from '../pages/pages.module';

@Module({})
export class AppModule {
  /** `clock` replaces the system clock for session timeouts (tests pass a ManualClock). */
  static forRoot(env: WebBffEnv, session: SessionAuthOptions, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...bffFoundation('web-bff', env),
        // In the order of openapi/web-bff.json's paths (the document follows registration):
        // the identity routes (/bff/*) first.
        SessionAuthModule.forRoot(session, clock),
        PagesModule,
        MediaModule,
        CartItemsModule,
      ],
    };
  }
}
