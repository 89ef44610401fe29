// What every BFF's environment specs check: a variable out of range stops the start with one line
// that names it.
import { configErrorOf, type LoadEnv } from '@bff/platform-config/testing';

export { configErrorOf, type LoadEnv };

/** Asserts that `name=value` stops the start, in one line naming the variable and its `cap`. */
export function expectCapped(load: LoadEnv, name: string, value: string, cap: string): void {
  const error = configErrorOf(load, { [name]: value });
  expect(error.variable).toBe(name);
  expect(error.message).not.toContain('\n');
  expect(error.message).toContain(`Invalid environment variable ${name}`);
  expect(error.message).toContain(cap);
}
