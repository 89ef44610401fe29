import { DynamicModule, Module } from '@nestjs/common';
import { CLOCK, Clock } from '@bff/platform-state';
import { SESSION_COOKIE_NAMES, SessionCookie, SessionCookieNames } from './session-cookie';
import { SessionGuard } from './session.guard';
import { SessionRefresher } from './session-refresh';
import { SESSION_TIMEOUTS, SessionStore, SessionTimeouts } from './session.store';

/**
 * Cookie sessions and their tokens. Global, so every feature module can put `@RequiresSession()`
 * on a route. Sessions are opened and ended by the identity routes (../identity).
 */
@Module({})
export class SessionModule {
  /** `clock` overrides the app's CLOCK for sessions (tests move a ManualClock). */
  static forRoot(
    timeouts: SessionTimeouts,
    cookies: SessionCookieNames,
    clock?: Clock,
  ): DynamicModule {
    return {
      module: SessionModule,
      global: true,
      providers: [
        { provide: SESSION_TIMEOUTS, useValue: timeouts },
        { provide: SESSION_COOKIE_NAMES, useValue: cookies },
        ...(clock ? [{ provide: CLOCK, useValue: clock }] : []),
        SessionStore,
        SessionRefresher,
        SessionGuard,
        SessionCookie,
      ],
      exports: [
        SessionStore,
        SessionGuard,
        SessionRefresher,
        SessionCookie,
        SESSION_TIMEOUTS,
        SESSION_COOKIE_NAMES,
      ],
    };
  }
}
