import { ConfigError } from '@bff/platform-config';
import { loadMobileBffEnv } from './env';

const fails = (env: Record<string, string>): ConfigError => {
  try {
    loadMobileBffEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('mobile-bff environment: lifetimes are capped', () => {
  it('refuses to start with ACCESS_TOKEN_TTL_MS=900001, in one line naming the variable and the cap', () => {
    const error = fails({ ACCESS_TOKEN_TTL_MS: '900001' });
    expect(error.variable).toBe('ACCESS_TOKEN_TTL_MS');
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain('Invalid environment variable ACCESS_TOKEN_TTL_MS');
    expect(error.message).toContain('at most 15 minutes');
  });

  it('accepts 15 minutes exactly, and defaults to 10', () => {
    expect(loadMobileBffEnv({ ACCESS_TOKEN_TTL_MS: '900000' }).ACCESS_TOKEN_TTL_MS).toBe(900_000);
    expect(loadMobileBffEnv({})).toMatchObject({
      ACCESS_TOKEN_TTL_MS: 600_000,
      REFRESH_FAMILIES_MAX_PER_CUSTOMER: 10,
      SIGN_IN_FAILURES_MAX: 5,
      SIGN_IN_FAILURE_WINDOW_MS: 15 * 60_000,
    });
  });

  it.each([
    ['REFRESH_FAMILIES_MAX_PER_CUSTOMER', '0'],
    ['SIGN_IN_FAILURES_MAX', 'many'],
    ['SIGN_IN_FAILURE_WINDOW_MS', '999'],
  ])('refuses %s=%s', (name, value) => {
    expect(fails({ [name]: value }).variable).toBe(name);
  });
});
