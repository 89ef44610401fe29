// Must stay the first import: it starts OpenTelemetry before anything else loads.
import { tracing } from './instrument';
import { VersioningType } from '@nestjs/common';
import { run } from '@bff/platform-bootstrap';
import { AppModule } from './app/app.module';
import { openApiInfo } from './app/openapi-info';
import { loadMobileBffEnv } from './config/env';

run({
  name: 'mobile-bff',
  tracing,
  loadEnv: () => loadMobileBffEnv(),
  app: (env) => ({
    module: AppModule.forRoot(env),
    openApi: openApiInfo,
    // Old app versions stay installed for months: every screen lives under /v<n>/.
    versioning: { type: VersioningType.URI },
  }),
});
