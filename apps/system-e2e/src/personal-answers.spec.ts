import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DevIdentity } from '@bff/platform-auth/testing';
import {
  mobileTokens,
  SECOND_CUSTOMER,
  startProvider,
  webIdentityEnv,
  webPort,
  webSignIn,
} from './support/identity';
import { ROOT, RunningService, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

/**
 * Personal answers are not stored by browsers' shared caches, proxies or CDNs. Which operations
 * are personal comes from the committed OpenAPI documents (their security requirement), so a new
 * personal operation is checked without touching this file.
 */
type Operation = { method: string; path: string; optional: boolean; statuses: string[] };
interface Document {
  paths: Record<
    string,
    Record<
      string,
      { security?: unknown[]; responses: Record<string, { headers?: Record<string, unknown> }> }
    >
  >;
}

/**
 * Routes that end the session they are called with run last, so the others still have one; of
 * those, the ones that need the session (sign-out-everywhere) before the ones that answer without
 * it too (logout).
 */
const ENDS_SESSION = /^\/bff\/(logout|sign-out-everywhere)$/;
const lastIfEndingSession = (o: Operation) =>
  ENDS_SESSION.test(o.path) ? (o.optional ? 2 : 1) : 0;

function personalOperations(app: string): Operation[] {
  const document = JSON.parse(
    readFileSync(join(ROOT, 'openapi', `${app}.json`), 'utf8'),
  ) as Document;
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => (operation.security ?? []).length > 0)
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        // An empty requirement makes credentials optional (GET /bff/user: 200 either way).
        optional: (operation.security ?? []).some(
          (requirement) => Object.keys(requirement as object).length === 0,
        ),
        statuses: Object.entries(operation.responses)
          .filter(([, response]) => !!response.headers?.['Cache-Control'])
          .map(([status]) => status),
      })),
  );
  return operations.sort((a, b) => lastIfEndingSession(a) - lastIfEndingSession(b));
}

/** The operation's path with example parameters: product 7, order 1. */
const concrete = (path: string) => path.replace('{productId}', '7').replace('{id}', '1');

const APPS = {
  'web-bff': { cacheControl: 'no-store', headers: { 'x-csrf': '1' } as Record<string, string> },
  'mobile-bff': {
    cacheControl: 'private, no-cache',
    headers: { 'x-app-version': '2.0.0' } as Record<string, string>,
  },
};

describe('personal answers are never stored by a shared cache', () => {
  const keysDir = tempKeysDir();
  let core: RunningService;
  const bffs: Record<string, RunningService> = {};
  const credentials: Record<string, Record<string, string>> = {};

  const call = (
    app: keyof typeof APPS,
    method: string,
    path: string,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${bffs[app]?.url}${path}`, {
      method,
      headers: {
        ...APPS[app].headers,
        ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
    });

  let identity: DevIdentity;

  beforeAll(async () => {
    const port = await webPort();
    [core, identity] = await Promise.all([
      startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir }),
      startProvider([port], keysDir),
    ]);
    const env = { CORE_API_URL: core.url, SERVICE_KEYS_DIR: keysDir };
    [bffs['web-bff'], bffs['mobile-bff']] = await Promise.all([
      startService('web-bff', { ...env, ...webIdentityEnv(identity, port) }),
      startService('mobile-bff', { ...env, OIDC_ISSUER: identity.issuer }),
    ]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all(
      [...Object.values(bffs), core, identity].filter(Boolean).map((s) => s.stop()),
    );
  });

  it('signs in at the provider, the web callback answering not to be stored', async () => {
    const { agent, back } = await webSignIn(bffs['web-bff']?.url ?? '', SECOND_CUSTOMER);
    expect([back.status, back.headers.get('cache-control')]).toEqual([303, 'no-store']);
    const cookie = agent.cookies.header(new URL(bffs['web-bff']?.url ?? '')) ?? '';
    credentials['web-bff'] = { cookie };
    const { accessToken } = await mobileTokens(identity);
    credentials['mobile-bff'] = { authorization: `Bearer ${accessToken}` };
  });

  describe.each(Object.keys(APPS) as (keyof typeof APPS)[])('%s', (app) => {
    const operations = personalOperations(app);
    const { cacheControl } = APPS[app];

    it('has personal operations, and declares the header on their answers', () => {
      expect(operations.length).toBeGreaterThanOrEqual(5);
      for (const { method, path, statuses, optional } of operations)
        expect({ method, path, declares: statuses.includes(optional ? '200' : '401') }).toEqual({
          method,
          path,
          declares: true,
        });
    });

    it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))(
      '%s answers without credentials 401 (200 where they are optional), not to be stored',
      async (_name, { method, path, optional }) => {
        const res = await call(app, method, concrete(path));
        expect([res.status, res.headers.get('cache-control')]).toEqual([
          optional ? 200 : 401,
          cacheControl,
        ]);
      },
    );

    it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))(
      '%s answers the signed-in customer, not to be stored',
      async (_name, { method, path }) => {
        const res = await call(app, method, concrete(path), credentials[app]);
        expect(res.status).not.toBe(401);
        expect({ status: res.status, cacheControl: res.headers.get('cache-control') }).toEqual({
          status: res.status,
          cacheControl,
        });
      },
    );
  });

  it('web-bff: a cross-site request to a personal route is refused, not to be stored either', async () => {
    const res = await call('web-bff', 'GET', '/api/pages/cart', {
      ...credentials['web-bff'],
      'sec-fetch-site': 'cross-site',
      'x-csrf': '',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
