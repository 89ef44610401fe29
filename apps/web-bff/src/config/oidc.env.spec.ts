import { configErrorOf } from '@bff/bff-kit/testing';
import { generateKeyPairSync } from 'node:crypto';
import { webSessionOptions } from '../app/session-options';
import { loadWebBffEnv } from './env';

/** A production environment that starts: every OIDC_* variable set to a safe value. */
const PRODUCTION: Record<string, string> = {
  NODE_ENV: 'production',
  SERVICE_TOKEN_PRIVATE_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'der' })
    .toString('base64'),
  OIDC_ISSUER: 'https://id.shop.example',
  OIDC_CLIENT_ID: 'web-bff',
  OIDC_CLIENT_SECRET: 's'.repeat(48),
  OIDC_REDIRECT_URI: 'https://shop.example/bff/callback',
};

describe('web-bff OIDC settings', () => {
  it('starts in production with every OIDC_* variable set to a safe value', () => {
    expect(loadWebBffEnv(PRODUCTION)).toMatchObject({ OIDC_ISSUER: 'https://id.shop.example' });
  });

  it.each([
    ['OIDC_ISSUER', undefined, 'must be set in production'],
    ['OIDC_CLIENT_ID', undefined, 'must be set in production'],
    ['OIDC_CLIENT_SECRET', undefined, 'must be set in production'],
    ['OIDC_REDIRECT_URI', undefined, 'must be set in production'],
    ['OIDC_CLIENT_SECRET', 'short-secret', 'at least 32 characters'],
    ['OIDC_ISSUER', 'http://id.shop.example', 'https://'],
    ['OIDC_REDIRECT_URI', 'http://shop.example/bff/callback', 'https://'],
    ['OIDC_POST_LOGOUT_REDIRECT_URI', 'http://shop.example/', 'https://'],
  ])(
    'refuses to start in production with %s=%s, in one line naming the variable',
    (name, value, reason) => {
      const env = { ...PRODUCTION };
      if (value === undefined) delete env[name];
      else env[name] = value;
      const error = configErrorOf(loadWebBffEnv, env);
      expect(error.variable).toBe(name);
      expect(error.message).not.toContain('\n');
      expect(error.message).toContain(reason);
      // A secret is never repeated in the message.
      if (name === 'OIDC_CLIENT_SECRET' && value) expect(error.message).not.toContain(value);
    },
  );

  it('accepts a plain-http issuer on loopback in production (a provider beside the process)', () => {
    const env = loadWebBffEnv({ ...PRODUCTION, OIDC_ISSUER: 'http://127.0.0.1:3003' });
    expect(webSessionOptions(env).oidc.allowHttp).toBe(true);
  });

  it('uses the development provider and the shared development secret outside production', () => {
    const { oidc: settings } = webSessionOptions(
      loadWebBffEnv({
        NODE_ENV: 'test',
        PORT: '4001',
        SERVICE_KEYS_DIR: '/tmp/web-bff-oidc-env-spec',
      }),
    );
    expect(settings).toMatchObject({
      clientId: 'web-bff',
      redirectUri: 'http://127.0.0.1:4001/bff/callback',
      postLogoutRedirectUri: 'http://127.0.0.1:4001/',
      scopes: 'openid profile email offline_access',
      refreshBeforeMs: 60_000,
      allowHttp: true,
    });
    expect(settings.issuer.href).toBe('http://127.0.0.1:3003/');
    expect(settings.clientSecret).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });
});
