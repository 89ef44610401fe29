import { DynamicModule, Module } from '@nestjs/common';
import { CoreClientModule, coreClientOptionsFromEnv } from '@bff/core-client';
import { HealthModule } from '@bff/platform-health';
import { LoggingModule } from '@bff/platform-logging';
import { MobileBffEnv } from '../config/env';
import { ScreensModule } from '../screens/screens.module';

@Module({})
export class AppModule {
  static forRoot(env: MobileBffEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot({ service: 'mobile-bff', level: env.LOG_LEVEL }),
        // Global so every feature module can inject CoreApiClient without re-importing it.
        { ...CoreClientModule.forRoot(coreClientOptionsFromEnv(env, 'mobile-bff')), global: true },
        HealthModule.forRoot(),
        ScreensModule,
      ],
    };
  }
}
