// Must stay first: on a Node other than 24 it stops with one line before undici loads.
import '@bff/platform-bootstrap/node-check';
// Must stay the next import: it starts OpenTelemetry before anything else loads.
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
