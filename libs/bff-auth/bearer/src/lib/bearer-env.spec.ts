import { loadEnv, serviceEnvSchema } from '@bff/platform-config';
import { configErrorOf } from '@bff/platform-config/testing';
import { bearerEnvShape, refuseInsecureIssuer } from './bearer-env';
import { bearerOptionsFromEnv } from './bearer-options';

/** A BFF's env schema as the README tells a bearer BFF to write it. */
const schema = serviceEnvSchema
  .extend({ ...bearerEnvShape('partner-bff') })
  .superRefine(refuseInsecureIssuer);
const load = (env: Record<string, string>) => loadEnv(schema, env);

const configError = (env: Record<string, string>) => configErrorOf(load, env);

const production = (env: Record<string, string>) => ({ NODE_ENV: 'production', ...env });

describe("a bearer BFF's environment: the identity provider whose tokens it accepts", () => {
  it('defaults to the development provider, the given audience, asymmetric algorithms and a 30 s JWKS cooldown', () => {
    const env = load({});
    expect(env).toMatchObject({
      OIDC_AUDIENCE: 'partner-bff',
      OIDC_ALGORITHMS: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      OIDC_JWKS_COOLDOWN_MS: 30_000,
    });
    expect(env.OIDC_ISSUER).toBeUndefined(); // development: dev-identity
    expect(bearerOptionsFromEnv(env, { service: 'partner-bff' })).toEqual({
      service: 'partner-bff',
      issuer: 'http://127.0.0.1:3003',
      audience: 'partner-bff',
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      jwksCooldownMs: 30_000,
    });
  });

  it('takes the audience the provider gives the BFF, apart from its service name', () => {
    const env = load({ OIDC_AUDIENCE: 'api://partners' });
    expect(bearerOptionsFromEnv(env, { service: 'partner-bff' })).toMatchObject({
      service: 'partner-bff',
      audience: 'api://partners',
    });
  });

  it('keeps the issuer exactly as written, trailing slash included (it must equal `iss`)', () => {
    const env = load({ OIDC_ISSUER: 'https://tenant.example.auth0.com/' });
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
    const error = configError({ OIDC_ALGORITHMS: value });
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
    expect(configError({ [name]: value }).variable).toBe(name);
  });

  it('refuses to start in production without OIDC_ISSUER, or with an http: issuer off loopback', () => {
    expect(configError(production({})).variable).toBe('OIDC_ISSUER');
    const http = configError(production({ OIDC_ISSUER: 'http://idp.example.com' }));
    expect(http.variable).toBe('OIDC_ISSUER');
    expect(http.message).toContain('https://');
  });

  it('starts in production with an https issuer, or an http one on loopback', () => {
    for (const issuer of ['https://idp.example.com/realms/shop', 'http://127.0.0.1:3003'])
      expect(load(production({ OIDC_ISSUER: issuer })).OIDC_ISSUER).toBe(issuer);
  });
});
