import { DynamicModule, Module } from '@nestjs/common';
import { bffFoundation } from '@bff/bff-kit';
import { PersonalAnswersModule } from '@bff/platform-auth';
import { AuthModule } from '../auth/auth.module';
import { authOptionsFromEnv } from '../auth/auth.options';
import { MobileBffEnv } from '../config/env';
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
        AuthModule.forRoot(authOptionsFromEnv(env)),
        ScreensModule,
        MediaModule,
      ],
    };
  }
}
