import { DynamicModule, Module } from '@nestjs/common';
import { CoreClientModule, coreClientOptionsFromEnv } from '@bff/core-client';
import { HealthModule } from '@bff/platform-health';
import { LoggingModule } from '@bff/platform-logging';
import { WebBffEnv } from '../config/env';
import { PagesModule } from '../pages/pages.module';

@Module({})
export class AppModule {
  static forRoot(env: WebBffEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot({ service: 'web-bff', level: env.LOG_LEVEL }),
        // Global so every feature module can inject CoreApiClient without re-importing it.
        { ...CoreClientModule.forRoot(coreClientOptionsFromEnv(env, 'web-bff')), global: true },
        HealthModule.forRoot(),
        PagesModule,
      ],
    };
  }
}
