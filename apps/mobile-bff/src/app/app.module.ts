import { DynamicModule, Module } from '@nestjs/common';
import { bffFoundation } from '@bff/core-client';
import { MobileBffEnv } from '../config/env';
import { ScreensModule } from '../screens/screens.module';

@Module({})
export class AppModule {
  static forRoot(env: MobileBffEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [...bffFoundation('mobile-bff', env), ScreensModule],
    };
  }
}
