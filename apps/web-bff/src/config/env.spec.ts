import { configErrorOf, expectCapped } from '@bff/bff-kit/testing';
import { loadWebBffEnv } from './env';

describe('web-bff environment: lifetimes are capped', () => {
  it.each([
    ['SESSION_IDLE_MS', String(30 * 60_000 + 1), 'at most 30 minutes'],
    ['SESSION_ABSOLUTE_MS', String(12 * 3_600_000 + 1), 'at most 12 hours'],
  ])(
    'refuses to start with %s=%s, in one line naming the variable and the cap',
    (name, value, cap) => expectCapped(loadWebBffEnv, name, value, cap),
  );

  it('accepts the caps themselves, which are also the defaults', () => {
    const env = loadWebBffEnv({ SESSION_IDLE_MS: '1800000', SESSION_ABSOLUTE_MS: '43200000' });
    expect(loadWebBffEnv({})).toMatchObject({
      SESSION_IDLE_MS: env.SESSION_IDLE_MS,
      SESSION_ABSOLUTE_MS: env.SESSION_ABSOLUTE_MS,
      SESSION_MAX_PER_CUSTOMER: 10,
    });
  });

  it.each([
    ['SESSION_MAX_PER_CUSTOMER', '0'],
    ['OIDC_REFRESH_BEFORE_SECONDS', '-1'],
    ['OIDC_SCOPES', 'profile email'],
    ['OIDC_ISSUER', 'not a url'],
    ['OIDC_REDIRECT_URI', 'ftp://shop.example/bff/callback'],
    ['SESSION_IDLE_MS', '1.5'],
  ])('refuses %s=%s', (name, value) => {
    expect(configErrorOf(loadWebBffEnv, { [name]: value }).variable).toBe(name);
  });
});
