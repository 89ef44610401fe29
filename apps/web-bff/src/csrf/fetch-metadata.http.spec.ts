import { useFakeCoreApi } from '@bff/core-client/testing';
import { loadWebBffEnv } from '../config/env';
import { body, Browser, useWebBff } from '../testing/web-test-app';

/** Guarded requests a cross-site page would want to make in the victim's browser. */
const ATTACKS: Array<[string, string, unknown]> = [
  ['GET', '/bff/user', undefined],
  ['GET', '/api/pages/cart', undefined],
  ['PUT', '/api/cart/items/2', { quantity: 1 }],
  ['POST', '/api/checkout', {}],
  ['POST', '/bff/sign-out-everywhere', undefined],
  ['POST', '/bff/logout', undefined],
];

/** Per hook and test: the machine may be busy (an order of magnitude above what it needs). */
const SLOW_MACHINE_MS = 60_000;

describe('web-bff Fetch Metadata and Origin checks (real app over HTTP, core-api stubbed)', () => {
  const core = useFakeCoreApi();
  const web = useWebBff({ core });
  const configured = useWebBff({
    core,
    env: { PUBLIC_ORIGINS: 'https://shop.example, https://www.shop.example' },
  });
  const victim = new Browser(() => web.url);
  beforeAll(() => victim.signInAs(web.app));

  const attempt = (client: Browser, headers: Record<string, string>) =>
    Promise.all(
      ATTACKS.map(async ([method, path, json]) => {
        const res = await client.fetch(path, {
          method,
          json,
          headers: { 'idempotency-key': 'k-1', ...headers },
        });
        const problem = await body<{ code?: string }>(res);
        return {
          method,
          path,
          status: res.status,
          code: problem.code,
          type: res.headers.get('content-type'),
        };
      }),
    );
  const refusedAll = ATTACKS.map(([method, path]) => ({
    method,
    path,
    status: 403,
    code: 'cross_site_request',
    type: expect.stringMatching(/^application\/problem\+json/),
  }));

  it.each(['cross-site', 'same-site', 'none'])(
    'refuses a request the browser marks Sec-Fetch-Site: %s with 403 cross_site_request, even with X-CSRF, and core-api is never called',
    async (site) => {
      const before = victim.cookie;
      expect(await attempt(victim, { 'sec-fetch-site': site })).toEqual(refusedAll);
      expect(core.calls).toEqual([]);
      expect(victim.cookie).toBe(before);
    },
    SLOW_MACHINE_MS,
  );

  it.each(['https://evil.example', 'null', 'http://127.0.0.2', 'http://localhost'])(
    'refuses Origin: %s (a page of another origin) with 403 cross_site_request, and core-api is never called',
    async (origin) => {
      expect(await attempt(victim, { origin, 'sec-fetch-site': 'same-origin' })).toEqual(
        refusedAll,
      );
      expect(await attempt(victim, { origin })).toEqual(refusedAll);
      expect(core.calls).toEqual([]);
    },
    SLOW_MACHINE_MS,
  );

  it(
    'refuses an Origin on another port of the same host',
    async () => {
      const { hostname, port } = new URL(web.url);
      const other = `http://${hostname}:${Number(port) === 65535 ? 1 : Number(port) + 1}`;
      expect(await attempt(victim, { origin: other })).toEqual(refusedAll);
      expect(core.calls).toEqual([]);
    },
    SLOW_MACHINE_MS,
  );

  it(
    "serves the storefront's own requests: Sec-Fetch-Site same-origin, its own Origin, or neither header",
    async () => {
      const own = new URL(web.url).origin;
      for (const headers of [
        { 'sec-fetch-site': 'same-origin', origin: own },
        { 'sec-fetch-site': 'same-origin' },
        { origin: own },
        {},
      ] as Record<string, string>[]) {
        const browser = new Browser(web.url);
        await browser.signInAs(web.app);
        const user = await browser.fetch('/bff/user', { headers });
        expect(await body(user)).toMatchObject({ signedIn: true });
        const cart = await browser.fetch('/api/cart/items/2', {
          method: 'PUT',
          json: { quantity: 1 },
          headers,
        });
        expect(cart.status).toBe(200);
      }
    },
    SLOW_MACHINE_MS,
  );

  it(
    'with PUBLIC_ORIGINS, accepts exactly those origins and refuses the one of the Host header',
    async () => {
      const browser = new Browser(configured.url);
      await browser.signInAs(configured.app);
      for (const origin of ['https://shop.example', 'https://www.shop.example']) {
        const res = await browser.fetch('/api/cart/items/2', {
          method: 'PUT',
          json: { quantity: 1 },
          headers: { origin, 'sec-fetch-site': 'same-origin' },
        });
        expect(res.status).toBe(200);
      }
      for (const origin of [
        new URL(configured.url).origin,
        'http://shop.example',
        'https://shop.example.evil.example',
      ]) {
        const res = await browser.fetch('/api/cart/items/2', {
          method: 'PUT',
          json: { quantity: 1 },
          headers: { origin },
        });
        const { code } = await body<{ code?: string }>(res);
        expect({ origin, status: res.status, code }).toEqual({
          origin,
          status: 403,
          code: 'cross_site_request',
        });
      }
    },
    SLOW_MACHINE_MS,
  );

  it('refuses to start with a PUBLIC_ORIGINS entry that is not an origin', () => {
    for (const value of [
      'shop.example',
      'https://shop.example/',
      'https://shop.example/app',
      'ftp://shop.example',
    ]) {
      expect(() => loadWebBffEnv({ NODE_ENV: 'test', PUBLIC_ORIGINS: value })).toThrow(
        /PUBLIC_ORIGINS/,
      );
    }
    expect(loadWebBffEnv({ NODE_ENV: 'test', PUBLIC_ORIGINS: '' }).PUBLIC_ORIGINS).toEqual([]);
  });
});
