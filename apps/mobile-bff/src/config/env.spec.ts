import { configErrorOf } from '@bff/bff-kit/testing';
import { generateServiceKeyPair } from '@bff/platform-auth';
import { loadMobileBffEnv } from './env';

const production = (env: Record<string, string>) => ({
  NODE_ENV: 'production',
  SERVICE_TOKEN_PRIVATE_KEY: generateServiceKeyPair().privateKey,
  ...env,
});

describe('mobile-bff environment: the identity provider whose tokens it accepts', () => {
  it('defaults to the development provider, audience mobile-bff, asymmetric algorithms and a 30 s JWKS cooldown', () => {
    expect(loadMobileBffEnv({})).toMatchObject({
      OIDC_AUDIENCE: 'mobile-bff',
      OIDC_ALGORITHMS: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      OIDC_JWKS_COOLDOWN_MS: 30_000,
    });
    expect(loadMobileBffEnv({}).OIDC_ISSUER).toBeUndefined(); // development: dev-identity
  });

  it('keeps the issuer exactly as written, trailing slash included (it must equal `iss`)', () => {
    const env = loadMobileBffEnv({ OIDC_ISSUER: 'https://tenant.example.auth0.com/' });
    expect(env.OIDC_ISSUER).toBe('https://tenant.example.auth0.com/');
  });

  it.each([
    ['none', '`none` is never accepted'],
    ['ES256,none', '`none` is never accepted'],
    ['HS256', 'HS* algorithms are never accepted'],
    ['RS256,hs512', 'HS* algorithms are never accepted'],
    ['RS1', 'must list only'],
    [' , ', 'comma-separated list'],
  ])('refuses OIDC_ALGORITHMS=%s in one line naming the variable', (value, why) => {
    const error = configErrorOf(loadMobileBffEnv, { OIDC_ALGORITHMS: value });
    expect(error.variable).toBe('OIDC_ALGORITHMS');
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain(why);
  });

  it.each([
    ['OIDC_ISSUER', 'ftp://idp.example.com'],
    ['OIDC_ISSUER', 'https://idp.example.com/?tenant=1'],
    ['OIDC_ISSUER', 'idp.example.com'],
    ['OIDC_JWKS_COOLDOWN_MS', '0'],
    ['OIDC_JWKS_COOLDOWN_MS', '3600001'],
  ])('refuses %s=%s', (name, value) => {
    expect(configErrorOf(loadMobileBffEnv, { [name]: value }).variable).toBe(name);
  });

  it('refuses to start in production without OIDC_ISSUER, or with an http: issuer off loopback', () => {
    expect(configErrorOf(loadMobileBffEnv, production({})).variable).toBe('OIDC_ISSUER');
    const http = configErrorOf(
      loadMobileBffEnv,
      production({ OIDC_ISSUER: 'http://idp.example.com' }),
    );
    expect(http.variable).toBe('OIDC_ISSUER');
    expect(http.message).toContain('https://');
  });

  it('starts in production with an https issuer, or an http one on loopback', () => {
    for (const issuer of ['https://idp.example.com/realms/shop', 'http://127.0.0.1:3003'])
      expect(loadMobileBffEnv(production({ OIDC_ISSUER: issuer })).OIDC_ISSUER).toBe(issuer);
  });

  it('no longer reads the settings of its own tokens (they are gone)', () => {
    const env = loadMobileBffEnv({ ACCESS_TOKEN_SECRET: 'x', REFRESH_REUSE_GRACE_MS: 'x' });
    expect(env).not.toHaveProperty('ACCESS_TOKEN_SECRET');
    expect(env).not.toHaveProperty('REFRESH_REUSE_GRACE_MS');
    expect(env).not.toHaveProperty('SIGN_IN_FAILURES_MAX');
  });
});
