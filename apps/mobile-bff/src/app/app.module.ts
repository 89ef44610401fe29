import { DynamicModule, Module } from '@nestjs/common';
import { bffFoundation } from '@bff/bff-kit';
import { PersonalAnswersModule } from '@bff/platform-auth';
import { BearerAuthModule } from '@bff/bff-bearer';
import { PasswordSignInRemovedModule } from '../auth/password-sign-in-removed';
import { MobileBffEnv, mobileBearerOptions } from '../config/env';
import { MediaModule } from '../media/media.module';
import { ScreensModule } from '../screens/screens.module';
import { PERSONAL_CACHE_CONTROL } from './openapi-info';

@Module({})
export class AppModule {
  static forRoot(env: MobileBffEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...bffFoundation('mobile-bff', env),
        PersonalAnswersModule.forRoot({ cacheControl: PERSONAL_CACHE_CONTROL }),
        BearerAuthModule.forRoot(mobileBearerOptions(env)),
        PasswordSignInRemovedModule,
        ScreensModule,
        MediaModule,
      ],
    };
  }
}
