import { configureSessionHttp } from '@bff/bff-session';
import { CreateAppOptions } from '@bff/platform-bootstrap';
import { Clock } from '@bff/platform-state';
import { WebBffEnv } from '../config/env';
import { serveStorefront } from '../storefront/storefront';
import { AppModule } from './app.module';
import { openApiInfo } from './openapi-info';
import { webSessionOptions } from './session-options';

export interface WebAppOptions {
  /** Folder of the built storefront to serve at `/` (main.ts: next to main.js); none when unset. */
  storefrontDir?: string;
  /** Replaces the system clock for session timeouts (tests). */
  clock?: Clock;
}

/** How web-bff is built, in production and in tests alike: the module plus its Fastify plugins. */
export function webApp(env: WebBffEnv, options: WebAppOptions = {}): CreateAppOptions {
  const session = webSessionOptions(env);
  return {
    module: AppModule.forRoot(env, session, options.clock),
    openApi: openApiInfo(session),
    configure: async (app) => {
      await configureSessionHttp(app);
      if (options.storefrontDir) await serveStorefront(app, options.storefrontDir);
    },
  };
}
