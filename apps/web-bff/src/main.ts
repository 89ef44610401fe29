// Must stay the first import: it starts OpenTelemetry before anything else loads.
import { tracing } from './instrument';
import { run } from '@bff/platform-bootstrap';
import { AppModule } from './app/app.module';
import { openApiInfo } from './app/openapi-info';
import { loadWebBffEnv } from './config/env';

run({
  name: 'web-bff',
  tracing,
  loadEnv: () => loadWebBffEnv(),
  app: (env) => ({ module: AppModule.forRoot(env), openApi: openApiInfo }),
});
