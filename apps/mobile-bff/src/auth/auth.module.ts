import { DynamicModule, Module, Provider } from '@nestjs/common';
import { SIGN_IN_LIMIT, SignInLimitOptions } from '@bff/platform-security';
import { CLOCK, Clock } from '@bff/platform-state';
import { AccessTokens } from './access-tokens';
import { AuthController } from './auth.controller';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { AuthService } from './auth.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { RefreshTokens } from './refresh-tokens';

export interface AuthModuleOptions extends AuthOptions {
  /** Failed password sign-ins per account (`@LimitFailedSignIns()` on the token route). */
  signInLimit: SignInLimitOptions;
  /** Replaces the app's clock for this feature (tests pass a ManualClock). */
  clock?: Clock;
}

/**
 * The apps' sign-in: access tokens, rotating refresh tokens, and the guard personal screens use.
 * Global so that every screen module can use `@RequiresSignIn()`.
 */
@Module({})
export class AuthModule {
  static forRoot({ clock, signInLimit, ...options }: AuthModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: AUTH_OPTIONS, useValue: options },
      { provide: SIGN_IN_LIMIT, useValue: signInLimit },
      AccessTokens,
      RefreshTokens,
      AuthService,
      BearerAuthGuard,
    ];
    if (clock) providers.push({ provide: CLOCK, useValue: clock });
    return {
      module: AuthModule,
      global: true,
      controllers: [AuthController],
      providers,
      exports: [AccessTokens, RefreshTokens, BearerAuthGuard],
    };
  }
}
