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

/**
 * Two processes of each BFF sharing one Redis behave as one service: what a replica keeps
 * between requests (sessions, refresh-token families) is the same on the other. Built apps as
 * real processes; runs where Redis is reachable (`.ci/run` sets REDIS_URL).
 */
(REDIS_URL ? describe : describe.skip)(`BFF replicas sharing Redis (${label})`, () => {
  const keysDir = tempKeysDir();
  const shared = { REDIS_URL: REDIS_URL ?? '', SERVICE_KEYS_DIR: keysDir };
  let core: RunningService;
  let web: RunningService[] = [];
  let mobile: RunningService[] = [];

  beforeAll(async () => {
    core = await startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir });
    const bff = (name: string, env: Record<string, string> = {}) =>
      startService(name, { ...shared, CORE_API_URL: core.url, ...env });
    // No grace for a spent refresh token: presenting it again is reuse at once.
    [web, mobile] = await Promise.all([
      Promise.all([bff('web-bff'), bff('web-bff')]),
      Promise.all([
        bff('mobile-bff', { REFRESH_REUSE_GRACE_MS: '0' }),
        bff('mobile-bff', { REFRESH_REUSE_GRACE_MS: '0' }),
      ]),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([...web, ...mobile, core].filter(Boolean).map((s) => s.stop()));
  });

  it('accepts on one web-bff process a session created on the other, and ends it everywhere', async () => {
    const [one, two] = web.map((s) => s.url) as [string, string];
    const csrf = { 'x-csrf': '1' };
    const signIn = await send(one, '/api/session', {
      method: 'POST',
      json: { email: 'ada@example.com', password: 'storefront-demo-ada' },
      headers: csrf,
    });
    expect(signIn.status).toBe(201);
    const cookie = (signIn.setCookie ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^__Host-session=.{40,}/);

    const onTwo = await send(two, '/api/session', { headers: { ...csrf, cookie } });
    expect(onTwo.status).toBe(200);
    expect(onTwo.body.customer).toMatchObject({ email: 'ada@example.com' });

    expect(
      (await send(two, '/api/session', { method: 'DELETE', headers: { ...csrf, cookie } })).status,
    ).toBe(200);
    expect((await send(one, '/api/session', { headers: { ...csrf, cookie } })).status).toBe(401);
  });

  it('rotates on one mobile-bff process a refresh token issued by the other, and detects reuse across them', async () => {
    const [one, two] = mobile.map((s) => s.url) as [string, string];
    const issued = await send(one, '/v1/auth/token', {
      method: 'POST',
      json: { email: 'grace@example.com', password: 'storefront-demo-grace' },
    });
    expect(issued.status).toBe(200);
    const first: string = issued.body.refreshToken;

    // Issued by one, rotated by two; the access token of either works on both.
    const rotated = await send(two, '/v1/auth/refresh', {
      method: 'POST',
      json: { refreshToken: first },
    });
    expect(rotated.status).toBe(200);
    const second: string = rotated.body.refreshToken;
    expect(second).not.toBe(first);
    const cart = await send(one, '/v1/screens/cart', {
      headers: { authorization: `Bearer ${rotated.body.accessToken}` },
    });
    expect(cart.status).toBe(200);

    // The spent token comes back on the first process: reuse, and the whole family is revoked.
    const reuse = await send(one, '/v1/auth/refresh', {
      method: 'POST',
      json: { refreshToken: first },
    });
    expect(reuse.status).toBe(400);
    expect(reuse.body).toMatchObject({ code: 'invalid_grant' });
    const successor = await send(two, '/v1/auth/refresh', {
      method: 'POST',
      json: { refreshToken: second },
    });
    expect(successor.status).toBe(400);
    expect(successor.body).toMatchObject({ code: 'invalid_grant' });
    // Revocation ends access at once, on both processes.
    for (const base of [one, two]) {
      const after = await send(base, '/v1/screens/cart', {
        headers: { authorization: `Bearer ${rotated.body.accessToken}` },
      });
      expect(after.status).toBe(401);
    }
  });
});
