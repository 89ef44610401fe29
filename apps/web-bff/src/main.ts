import { run } from '@bff/platform-bootstrap';
import { AppModule } from './app/app.module';
import { openApiInfo } from './app/openapi-info';
import { loadWebBffEnv } from './config/env';

run({
  name: 'web-bff',
  loadEnv: () => loadWebBffEnv(),
  app: (env) => ({ module: AppModule.forRoot(env), openApi: openApiInfo }),
});
