// Test-only entry point (`@bff/platform-config/testing`): what every service's environment specs
// check. Never import it from production code.
import { ConfigError } from './lib/load-env';

/** A service's env loader, e.g. `loadWebBffEnv`. */
export type LoadEnv = (env: Record<string, string>) => unknown;

/** The ConfigError `load` throws for `env`; the test fails when `load` accepts `env`. */
export function configErrorOf(load: LoadEnv, env: Record<string, string>): ConfigError {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}
