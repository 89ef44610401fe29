import { DynamicModule, Module } from '@nestjs/common';
import { AccessTokenVerifier } from './access-token-verifier';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { BearerAuthGuard } from './bearer-auth.guard';
import { CustomerLinks } from './customer-links';
import { PasswordSignInRemovedController } from './password-sign-in-removed';
import { ProviderKeys } from './provider-keys';

/**
 * mobile-bff as a resource server: the provider's access tokens checked against its JWKS, the
 * subject mapped to the core-api customer, the guard personal screens use, and the answer old
 * apps get on the removed password routes. Global so every screen module can use
 * `@RequiresSignIn()`.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      controllers: [PasswordSignInRemovedController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        ProviderKeys,
        AccessTokenVerifier,
        CustomerLinks,
        BearerAuthGuard,
      ],
      exports: [AccessTokenVerifier, CustomerLinks, BearerAuthGuard],
    };
  }
}
