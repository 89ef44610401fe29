import { configErrorOf } from '@bff/bff-kit/testing';
import { generateServiceKeyPair } from '@bff/platform-auth';
import { loadMobileBffEnv, mobileBearerOptions } from './env';

const production = (env: Record<string, string>) => ({
  NODE_ENV: 'production',
  SERVICE_TOKEN_PRIVATE_KEY: generateServiceKeyPair().privateKey,
  ...env,
});

// The provider settings' own rules (algorithms, issuer form, cooldown) are proved where they live,
// libs/bff-auth/bearer/src/lib/bearer-env.spec.ts; this says mobile-bff uses them.
describe('mobile-bff environment: the identity provider whose tokens it accepts', () => {
  it('defaults to the development provider, audience mobile-bff, asymmetric algorithms and a 30 s JWKS cooldown', () => {
    expect(loadMobileBffEnv({})).toMatchObject({
      OIDC_AUDIENCE: 'mobile-bff',
      OIDC_ALGORITHMS: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      OIDC_JWKS_COOLDOWN_MS: 30_000,
    });
    expect(loadMobileBffEnv({}).OIDC_ISSUER).toBeUndefined(); // development: dev-identity
  });

  it('checks tokens as mobile-bff: the realm and texts name it, the audience is configurable', () => {
    const env = loadMobileBffEnv({ OIDC_AUDIENCE: 'api://mobile' });
    expect(mobileBearerOptions(env)).toEqual({
      service: 'mobile-bff',
      issuer: 'http://127.0.0.1:3003',
      audience: 'api://mobile',
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      jwksCooldownMs: 30_000,
    });
  });

  it.each([
    ['none', '`none` is never accepted'],
    ['HS256', 'HS* algorithms are never accepted'],
  ])('refuses OIDC_ALGORITHMS=%s in one line naming the variable', (value, why) => {
    const error = configErrorOf(loadMobileBffEnv, { OIDC_ALGORITHMS: value });
    expect(error.variable).toBe('OIDC_ALGORITHMS');
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain(why);
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

  it('starts in production with an https issuer', () => {
    const issuer = 'https://idp.example.com/realms/shop';
    expect(loadMobileBffEnv(production({ OIDC_ISSUER: issuer })).OIDC_ISSUER).toBe(issuer);
  });

  it('no longer reads the settings of its own tokens (they are gone)', () => {
    const env = loadMobileBffEnv({ ACCESS_TOKEN_SECRET: 'x', REFRESH_REUSE_GRACE_MS: 'x' });
    expect(env).not.toHaveProperty('ACCESS_TOKEN_SECRET');
    expect(env).not.toHaveProperty('REFRESH_REUSE_GRACE_MS');
    expect(env).not.toHaveProperty('SIGN_IN_FAILURES_MAX');
  });
});
