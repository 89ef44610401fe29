import { DynamicModule, Module } from '@nestjs/common';
import { bffFoundation } from '@bff/core-client';
import { WebBffEnv } from '../config/env';
import { PagesModule } from '../pages/pages.module';

@Module({})
export class AppModule {
  static forRoot(env: WebBffEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [...bffFoundation('web-bff', env), PagesModule],
    };
  }
}
