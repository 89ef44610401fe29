import { DynamicModule, Module } from '@nestjs/common';
import { AccessTokenVerifier } from './access-token-verifier';
import { BearerAuthGuard } from './bearer-auth.guard';
import { BEARER_AUTH_OPTIONS, BearerAuthOptions } from './bearer-options';
import { CustomerLinks } from './customer-links';
import { ProviderKeys } from './provider-keys';

/**
 * A BFF as a resource server: the provider's access tokens checked against its JWKS, the subject
 * mapped to the core-api customer, and the guard behind `@RequiresSignIn()`. Global, so every
 * feature module can use `@RequiresSignIn()`; needs `CoreApiClient` and `STATE_STORE` (both from
 * bff-kit's `bffFoundation`). Exports its options (`BEARER_AUTH_OPTIONS`) for the BFF's own use.
 */
@Module({})
export class BearerAuthModule {
  static forRoot(options: BearerAuthOptions): DynamicModule {
    return {
      module: BearerAuthModule,
      global: true,
      providers: [
        { provide: BEARER_AUTH_OPTIONS, useValue: options },
        ProviderKeys,
        AccessTokenVerifier,
        CustomerLinks,
        BearerAuthGuard,
      ],
      exports: [BEARER_AUTH_OPTIONS, AccessTokenVerifier, CustomerLinks, BearerAuthGuard],
    };
  }
}
