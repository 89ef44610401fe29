// What every BFF's environment specs check: a variable out of range stops the start with one line
// that names it.
import { ConfigError } from '@bff/platform-config';

/** A BFF's env loader, e.g. `loadWebBffEnv`. */
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

/** Asserts that `name=value` stops the start, in one line naming the variable and its `cap`. */
export function expectCapped(load: LoadEnv, name: string, value: string, cap: string): void {
  const error = configErrorOf(load, { [name]: value });
  expect(error.variable).toBe(name);
  expect(error.message).not.toContain('\n');
  expect(error.message).toContain(`Invalid environment variable ${name}`);
  expect(error.message).toContain(cap);
}
