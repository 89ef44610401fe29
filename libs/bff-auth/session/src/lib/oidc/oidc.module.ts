import { DynamicModule, Module } from '@nestjs/common';
import { OidcClient } from './oidc-client';
import { OIDC_SETTINGS, OidcSettings } from './oidc-settings';
import { LogoutTokenVerifier } from './logout-token.verifier';

/** The BFF's client of the OpenID provider. Global: sessions refresh through it, identity routes sign in. */
@Module({})
export class OidcModule {
  static forRoot(settings: OidcSettings): DynamicModule {
    return {
      module: OidcModule,
      global: true,
      providers: [{ provide: OIDC_SETTINGS, useValue: settings }, OidcClient, LogoutTokenVerifier],
      exports: [OidcClient, LogoutTokenVerifier],
    };
  }
}
