// Must stay first: on a Node other than 24 it stops with one line before undici loads.
import '@bff/platform-bootstrap/node-check';
// Must stay the next import: it starts OpenTelemetry before anything else loads.
import { tracing } from './instrument';
import { run } from '@bff/platform-bootstrap';
import { join } from 'node:path';
import { webApp } from './app/web-app';
import { loadWebBffEnv } from './config/env';

run({
  name: 'web-bff',
  tracing,
  loadEnv: () => loadWebBffEnv(),
  // The build puts the storefront next to main.js.
  app: (env) => webApp(env, { storefrontDir: join(__dirname, 'storefront') }),
});
