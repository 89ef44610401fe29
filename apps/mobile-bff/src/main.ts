// Must stay the first import: it starts OpenTelemetry before anything else loads.
import { tracing } from './instrument';
import { run } from '@bff/platform-bootstrap';
import { mobileAppOptions } from './app/mobile-app';
import { loadMobileBffEnv } from './config/env';

run({
  name: 'mobile-bff',
  tracing,
  loadEnv: () => loadMobileBffEnv(),
  app: (env) => mobileAppOptions(env),
});
