import { DynamicModule, Module } from '@nestjs/common';
import { CLOCK, Clock } from '@bff/platform-state';
import { SessionGuard } from './session.guard';
import { SessionRefresher } from './session-refresh';
import { SESSION_TIMEOUTS, SessionStore, SessionTimeouts } from './session.store';

/**
 * Cookie sessions and their tokens. Global, so every feature module can put `@RequiresSession()`
 * on a route. Sessions are opened and ended by the identity routes (src/identity).
 */
@Module({})
export class SessionModule {
  /** `clock` overrides the app's CLOCK for sessions (tests move a ManualClock). */
  static forRoot(timeouts: SessionTimeouts, clock?: Clock): DynamicModule {
    return {
      module: SessionModule,
      global: true,
      providers: [
        { provide: SESSION_TIMEOUTS, useValue: timeouts },
        ...(clock ? [{ provide: CLOCK, useValue: clock }] : []),
        SessionStore,
        SessionRefresher,
        SessionGuard,
      ],
      exports: [SessionStore, SessionGuard, SessionRefresher, SESSION_TIMEOUTS],
    };
  }
}
