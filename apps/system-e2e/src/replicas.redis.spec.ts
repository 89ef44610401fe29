import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DevIdentity, refreshAt } from '@bff/platform-auth/testing';
import {
  APP_CLIENT,
  mobileTokens,
  SECOND_CUSTOMER,
  startProvider,
  webIdentityEnv,
  webPort,
  webSessionCookie,
} from './support/identity';
import { RunningService, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

const REDIS_URL = process.env['REDIS_URL'];
const label = REDIS_URL ? REDIS_URL : 'SKIPPED: REDIS_URL is not set';

interface Answer {
  status: number;
  body: any;
  setCookie: string | undefined;
}

async function send(
  base: string,
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
    headers: {
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    setCookie: res.headers.getSetCookie().find((c) => c.startsWith('__Host-session=')),
  };
}

/** core-api's served GETs per route template, from its own /metrics. */
async function coreReads(core: RunningService): Promise<Map<string, number>> {
  const reads = new Map<string, number>();
  const text = await (await fetch(`${core.url}/metrics`)).text();
  for (const line of text.split('\n')) {
    if (
      !line.startsWith('http_server_request_duration_seconds_count') ||
      !line.includes('method="GET"')
    )
      continue;
    const route = /route="([^"]+)"/.exec(line)?.[1] ?? '';
    reads.set(route, (reads.get(route) ?? 0) + Number(line.split(' ').at(-1)));
  }
  return reads;
}

/**
 * Two processes of each BFF sharing one Redis behave as one service: what a replica keeps
 * between requests (sessions, linked customers, cached core-api answers) is the same on the other. Built apps as
 * real processes; runs where Redis is reachable (`.ci/run` sets REDIS_URL).
 */
(REDIS_URL ? describe : describe.skip)(`BFF replicas sharing Redis (${label})`, () => {
  const keysDir = tempKeysDir();
  const shared = { REDIS_URL: REDIS_URL ?? '', SERVICE_KEYS_DIR: keysDir };
  let core: RunningService;
  let identity: DevIdentity;
  let web: RunningService[] = [];
  let mobile: RunningService[] = [];

  beforeAll(async () => {
    const ports = [await webPort(), await webPort()];
    [core, identity] = await Promise.all([
      startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir }),
      startProvider(ports, keysDir),
    ]);
    const bff = (name: string, env: Record<string, string> = {}) =>
      startService(name, { ...shared, CORE_API_URL: core.url, ...env });
    [web, mobile] = await Promise.all([
      Promise.all(ports.map((port) => bff('web-bff', webIdentityEnv(identity, port)))),
      Promise.all([1, 2].map(() => bff('mobile-bff', { OIDC_ISSUER: identity.issuer }))),
    ]);
  }); // the suite's 300 s: room for starting real processes on a loaded machine
  afterAll(async () => {
    await Promise.all([...web, ...mobile, core, identity].filter(Boolean).map((s) => s.stop()));
  });

  it('accepts on one web-bff process a session created on the other, and ends it everywhere', async () => {
    const [one, two] = web.map((s) => s.url) as [string, string];
    const csrf = { 'x-csrf': '1' };
    const cookie = await webSessionCookie(one);
    expect(cookie).toMatch(/^__Host-session=.{40,}/);

    const onTwo = await send(two, '/bff/user', { headers: { ...csrf, cookie } });
    expect(onTwo.status).toBe(200);
    expect(onTwo.body.customer).toMatchObject({ email: 'ada@example.com' });

    expect(
      (await send(two, '/bff/logout', { method: 'POST', headers: { ...csrf, cookie } })).status,
    ).toBe(200);
    const after = await send(one, '/bff/user', { headers: { ...csrf, cookie } });
    expect([after.status, after.body.signedIn]).toEqual([200, false]);
    expect((await send(one, '/api/pages/cart', { headers: { ...csrf, cookie } })).status).toBe(401);
  });

  it('serves from the shared response cache on one web-bff process what the other fetched from core-api', async () => {
    const [one, two] = web.map((s) => s.url) as [string, string];
    const id = 1 + Math.floor(Math.random() * 500);
    // A product page is five core-api reads; four of them are public and cacheable (stock is not).
    const cacheKey = `core-client:v1:public GET /products/${id}`;
    const redis = new Redis(REDIS_URL ?? '', { lazyConnect: true });
    try {
      // An earlier run against the same Redis may have left this product cached.
      await redis.del(
        cacheKey,
        `${cacheKey}/reviews?limit=5`,
        `${cacheKey}/reviews/summary`,
        `${cacheKey}/related?limit=8`,
      );
      const before = await coreReads(core);
      const first = await send(one, `/api/pages/product/${id}`, { headers: { 'x-csrf': '1' } });
      expect(first.status).toBe(200);
      expect(first.body.degraded).toEqual([]);
      // Answers are written to Redis just after they are used: wait for the write, not a fixed time.
      for (let i = 0; i < 100 && !(await redis.exists(cacheKey)); i++) await sleep(20);
      expect(await redis.exists(cacheKey)).toBe(1);
      const middle = await coreReads(core);

      const second = await send(two, `/api/pages/product/${id}`, { headers: { 'x-csrf': '1' } });
      expect(second.status).toBe(200);
      expect(second.body.product).toEqual(first.body.product);
      expect(second.body.related).toEqual(first.body.related);
      const after = await coreReads(core);

      const delta = (from: Map<string, number>, to: Map<string, number>, route: string) =>
        (to.get(route) ?? 0) - (from.get(route) ?? 0);
      const cached = [
        '/products/:id',
        '/products/:id/reviews',
        '/products/:id/reviews/summary',
        '/products/:id/related',
      ];
      for (const route of cached) {
        expect([route, delta(before, middle, route)]).toEqual([route, 1]);
        expect([route, delta(middle, after, route)]).toEqual([route, 0]);
      }
      // Stock is never cached: the second process still asked core-api for it.
      expect(delta(middle, after, '/inventory/:productId')).toBe(1);
    } finally {
      redis.disconnect();
    }
  });

  it("accepts the provider's token, and the token the app refreshed, on both mobile-bff processes", async () => {
    const [one, two] = mobile.map((s) => s.url) as [string, string];
    const tokens = await mobileTokens(identity, SECOND_CUSTOMER);
    const cartOf = (base: string, token: string) =>
      send(base, '/v1/screens/cart', { headers: { authorization: `Bearer ${token}` } });
    // The customer linked by one process is the one the other serves.
    const [first, second] = [
      await cartOf(one, tokens.accessToken),
      await cartOf(two, tokens.accessToken),
    ];
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toEqual(first.body);
    const refreshed = await refreshAt(identity.issuer, APP_CLIENT.clientId, tokens.refreshToken);
    for (const base of [one, two]) {
      expect((await cartOf(base, refreshed.access_token ?? '')).status).toBe(200);
    }
  });
});
