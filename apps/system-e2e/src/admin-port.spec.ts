import { generateServiceKeyPair, ServiceTokenSigner, parsePrivateKey } from '@bff/platform-auth';
import { randomBytes } from 'node:crypto';
import { RunningService, startService } from './support/processes';

/**
 * The apps as they run in production (NODE_ENV=production, real keys): the public port serves the
 * API and nothing else; probes, metrics and docs answer on the admin port, which no Service exposes.
 */
const OPERATIONS = ['/health/live', '/health/ready', '/metrics', '/docs', '/docs-json'];
const SPELLINGS = [
  '/%6detrics',
  '/METRICS',
  '/metrics/',
  '/%6Detrics',
  '/health/%72eady',
  '/health/ready/',
  '/Health/Live',
  '/docs/',
  '/docs/index.html',
];
const APPS = ['core-api', 'web-bff', 'mobile-bff'] as const;
type App = (typeof APPS)[number];

interface Running {
  service: RunningService;
  admin: string;
}

const adminUrlOf = (service: RunningService) =>
  /"adminUrl":"(http:\/\/[^"]+)"/.exec(service.output())?.[1] ??
  'http://admin-port-not-logged.invalid';

describe('production: operational endpoints on the admin port only', () => {
  const keys = { web: generateServiceKeyPair(), mobile: generateServiceKeyPair() };
  const running = {} as Record<App, Running>;
  const start = async (name: App, env: Record<string, string>) => {
    const service = await startService(
      name,
      { NODE_ENV: 'production', ADMIN_PORT: '0', ...env },
      60_000,
    );
    running[name] = { service, admin: adminUrlOf(service) };
  };
  /** A call to core-api's public port as web-bff makes it, with a service token. */
  const coreApi = async (base: string, path: string) => {
    const token = await new ServiceTokenSigner(
      'web-bff',
      parsePrivateKey(keys.web.privateKey),
    ).tokenFor(null);
    return fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  };

  beforeAll(async () => {
    await start('core-api', {
      PGLITE_DIR: 'memory://',
      SERVICE_TOKEN_PUBLIC_KEYS: `web-bff:${keys.web.publicKey},mobile-bff:${keys.mobile.publicKey}`,
    });
    const CORE_API_URL = running['core-api'].service.url;
    await Promise.all([
      // A production identity provider's settings; it is asked only at the first sign-in.
      start('web-bff', {
        CORE_API_URL,
        SERVICE_TOKEN_PRIVATE_KEY: keys.web.privateKey,
        OIDC_ISSUER: 'https://idp.example.com/realms/shop',
        OIDC_CLIENT_ID: 'web-bff',
        OIDC_CLIENT_SECRET: randomBytes(32).toString('base64url'),
        OIDC_REDIRECT_URI: 'https://shop.example.com/bff/callback',
        OIDC_POST_LOGOUT_REDIRECT_URI: 'https://shop.example.com/',
      }),
      start('mobile-bff', {
        CORE_API_URL,
        SERVICE_TOKEN_PRIVATE_KEY: keys.mobile.privateKey,
        OIDC_ISSUER: 'https://idp.example.com/realms/shop',
      }),
    ]);
  }); // the suite's 300 s: room for starting real processes on a loaded machine
  afterAll(async () => {
    await Promise.all(Object.values(running).map(({ service }) => service.stop()));
  });

  describe.each(APPS)('%s', (app) => {
    it.each([...OPERATIONS, ...SPELLINGS])(
      'hides %s from the public port: 404 problem+json, as if it did not exist',
      async (path) => {
        const { service } = running[app];
        for (const method of ['GET', 'HEAD']) {
          const res = await fetch(`${service.url}${path}`, { method });
          expect({ method, status: res.status, type: res.headers.get('content-type') }).toEqual({
            method,
            status: 404,
            type: expect.stringMatching(/^application\/problem\+json/),
          });
        }
      },
    );

    it('serves probes, metrics and docs on the admin port it logged', async () => {
      const { admin } = running[app];
      const answers = await Promise.all(
        OPERATIONS.map(async (path) => [path, (await fetch(`${admin}${path}`)).status]),
      );
      expect(Object.fromEntries(answers)).toEqual(
        Object.fromEntries(OPERATIONS.map((path) => [path, 200])),
      );
      expect(await (await fetch(`${admin}/metrics`)).text()).toContain(
        'http_server_request_duration_seconds',
      );
      expect(
        ((await (await fetch(`${admin}/docs-json`)).json()) as { openapi: string }).openapi,
      ).toBe('3.1.0');
    });

    it('serves its API on the public port, and only there', async () => {
      const { service, admin } = running[app];
      const api = {
        'core-api': (base: string) => coreApi(base, '/products/1'),
        'web-bff': (base: string) =>
          fetch(`${base}/api/pages/product/1`, { headers: { 'x-csrf': '1' } }),
        'mobile-bff': (base: string) => fetch(`${base}/v1/screens/product/1`),
      }[app];
      expect((await api(service.url)).status).toBe(200);
      const onAdmin = await api(admin);
      expect(onAdmin.status).toBe(404);
      expect(onAdmin.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });

  it('closes both ports on SIGTERM and exits 0', async () => {
    const { service, admin } = running['web-bff'];
    expect((await fetch(`${admin}/health/live`)).status).toBe(200);
    expect(await service.stop()).toBe(0);
    await expect(fetch(`${admin}/health/live`)).rejects.toThrow();
  });
});
