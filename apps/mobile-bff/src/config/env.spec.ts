import { configErrorOf, expectCapped } from '@bff/bff-kit/testing';
import { loadMobileBffEnv } from './env';

describe('mobile-bff environment: lifetimes are capped', () => {
  it('refuses to start with ACCESS_TOKEN_TTL_MS=900001, in one line naming the variable and the cap', () => {
    expectCapped(loadMobileBffEnv, 'ACCESS_TOKEN_TTL_MS', '900001', 'at most 15 minutes');
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
    expect(configErrorOf(loadMobileBffEnv, { [name]: value }).variable).toBe(name);
  });
});
