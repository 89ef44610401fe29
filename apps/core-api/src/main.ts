// Must stay first: on a Node other than 24 it stops with one line before undici loads.
import '@bff/platform-bootstrap/node-check';
// Must stay the next import: it starts OpenTelemetry before anything else loads.
import { tracing } from './instrument';
import { join } from 'node:path';
import { run } from '@bff/platform-bootstrap';
import { AppModule } from './app/app.module';
import { openApiInfo } from './app/openapi-info';
import { loadCoreApiEnv } from './config/env';
import { claimPgliteFolder } from './database/open-database';

run({
  name: 'core-api',
  tracing,
  loadEnv: () => loadCoreApiEnv(),
  app: (env) => {
    // A PGlite folder another core-api holds stops the start here, in one line.
    claimPgliteFolder({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
    return {
      module: AppModule.forRoot({ env, migrationsFolder: join(__dirname, 'migrations') }),
      openApi: openApiInfo,
    };
  },
});
