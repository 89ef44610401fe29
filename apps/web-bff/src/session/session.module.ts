import { DynamicModule, Module } from '@nestjs/common';
import { SIGN_IN_LIMIT, SignInLimitOptions } from '@bff/platform-security';
import { CLOCK, Clock } from '@bff/platform-state';
import { SessionController } from './session.controller';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';
import { SESSION_TIMEOUTS, SessionStore, SessionTimeouts } from './session.store';

/** Cookie sessions. Global, so every feature module can put `@RequiresSession()` on a route. */
@Module({})
export class SessionModule {
  /** `clock` overrides the app's CLOCK for sessions and the sign-in limit (tests move a ManualClock). */
  static forRoot(
    timeouts: SessionTimeouts,
    signInLimit: SignInLimitOptions,
    clock?: Clock,
  ): DynamicModule {
    return {
      module: SessionModule,
      global: true,
      controllers: [SessionController],
      providers: [
        { provide: SESSION_TIMEOUTS, useValue: timeouts },
        { provide: SIGN_IN_LIMIT, useValue: signInLimit },
        ...(clock ? [{ provide: CLOCK, useValue: clock }] : []),
        SessionStore,
        SessionService,
        SessionGuard,
      ],
      exports: [SessionStore, SessionGuard],
    };
  }
}
