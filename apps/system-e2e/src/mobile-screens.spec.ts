import { generateServiceKeyPair } from '@bff/platform-auth';
import { type DevIdentity, refreshAt } from '@bff/platform-auth/testing';
import { APP_CLIENT, mobileTokens, startMobileStack, stopMobileStack } from './support/identity';
import { loadPicture, widthOf } from './support/pictures';
import { runToExit, RunningService, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

/**
 * The native app's journey against the real core-api and the development provider: sign-in at
 * the provider (code + PKCE, as RFC 8252 asks), every screen, refresh at the provider.
 */
describe('mobile-bff against the real core-api and provider (built apps as real processes)', () => {
  const keysDir = tempKeysDir();
  let core: RunningService;
  let mobile: RunningService;
  let identity: DevIdentity;
  let session: { accessToken: string; refreshToken: string };

  beforeAll(async () => {
    ({ core, identity, mobile } = await startMobileStack(keysDir));
  });
  afterAll(() => stopMobileStack({ core, identity, mobile }));

  const call = async (
    path: string,
    init: {
      method?: string;
      json?: unknown;
      headers?: Record<string, string>;
      token?: string;
    } = {},
  ) => {
    const res = await fetch(`${mobile.url}${path}`, {
      method: init.method ?? 'GET',
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      headers: {
        'x-app-version': '1.4.0',
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };

  it('takes the token the app got at the provider, and no password: an old app is told to update', async () => {
    session = await mobileTokens(identity);
    const cart = await call('/v2/screens/cart', { token: session.accessToken });
    expect(cart.status).toBe(200);
    const old = await call('/v1/auth/token', {
      method: 'POST',
      json: { email: 'ada@example.com', password: 'storefront-demo-ada' },
    });
    expect(old.status).toBe(426);
    expect(old.body).toMatchObject({ code: 'app_update_required', signInAt: identity.issuer });
    expect(JSON.stringify(old.body)).not.toMatch(/storefront-demo-ada/);
  });

  it('shows home, a category page by page, search results and a product in v1 and v2', async () => {
    const home = await call('/v2/screens/home');
    expect(home.status).toBe(200);
    expect(home.body.categories.length).toBeGreaterThan(0);
    expect(home.body.featured.length).toBeGreaterThan(0);
    const slug = home.body.categories[0].slug;
    const first = await call(`/v2/screens/category/${slug}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await call(
      `/v2/screens/category/${slug}?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.status).toBe(200);
    expect(second.body.items.map((c: { id: number }) => c.id)).not.toContain(
      first.body.items[0].id,
    );
    const search = await call(
      `/v2/screens/search?q=${encodeURIComponent(first.body.items[0].name.split(' ')[0])}`,
    );
    expect(search.status).toBe(200);
    expect(search.body.items.length).toBeGreaterThan(0);
    const v1 = await call('/v1/screens/product/7');
    const v2 = await call('/v2/screens/product/7');
    expect(typeof v1.body.price).toBe('number');
    expect(v2.body.price).toEqual({ amountMinor: v1.body.price, currency: v1.body.currency });
    expect(v1.headers.get('deprecation')).toMatch(/^@\d+$/);
    expect(v2.headers.get('deprecation')).toBeNull();
  });

  it('serves every picture URL of the product, home and category screens: public, a day, ETag/304', async () => {
    const urls = new Set<string>();
    for (const dpr of [1, 3]) {
      const home = await call(`/v2/screens/home?dpr=${dpr}`);
      for (const card of home.body.featured) urls.add(card.image);
      const slug = home.body.categories[0].slug;
      for (const card of (await call(`/v2/screens/category/${slug}?dpr=${dpr}`)).body.items)
        urls.add(card.image);
      for (const version of ['v1', 'v2']) {
        const product = await call(`/${version}/screens/product/7?dpr=${dpr}`);
        urls.add(product.body.image);
        for (const card of product.body.related) urls.add(card.image);
      }
    }
    // The product image at dpr 1 and 3 (320 and 960 pixels needed).
    expect([...urls]).toEqual(
      expect.arrayContaining(['/media/products/7/320.svg', '/media/products/7/1280.svg']),
    );
    // No bearer token and no X-App-Version: what an image view sends.
    const answers = await Promise.all([...urls].map((url) => loadPicture(mobile.url, url)));
    expect(answers).toEqual(
      [...urls].map((url) => ({
        url,
        status: 200,
        type: 'image/svg+xml; charset=utf-8',
        cacheControl: 'public, max-age=86400',
        etag: expect.stringMatching(/^W\/"[\w-]+"$/),
        svgWidth: widthOf(url),
      })),
    );
    const first = answers[0]!;
    const again = await loadPicture(mobile.url, first.url, { 'if-none-match': first.etag ?? '' });
    expect([again.status, again.etag]).toEqual([304, first.etag]);
    // The version rule binds to /v<n>/ screens only: an app below the minimum still gets pictures.
    expect((await loadPicture(mobile.url, first.url, { 'x-app-version': '1.1.9' })).status).toBe(
      200,
    );
    for (const [url, status, code] of [
      ['/media/products/999999/640.svg', 404, 'product_not_found'],
      ['/media/products/7/641.svg', 404, 'image_not_found'],
      ['/media/products/7/640.png', 400, 'validation_failed'],
    ] as const) {
      const res = await fetch(`${mobile.url}${url}`);
      expect([url, res.status, res.headers.get('content-type')]).toEqual([
        url,
        status,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
      expect(await res.json()).toMatchObject({ status, code });
    }
  });

  it('asks an app below MIN_APP_VERSION to update with 426', async () => {
    const old = await call('/v2/screens/home', { headers: { 'x-app-version': '1.1.9' } });
    expect(old.status).toBe(426);
    expect(old.body).toMatchObject({ code: 'app_update_required', minimumVersion: '1.2.0' });
  });

  it('fills the cart, checks out once per Idempotency-Key, and lists the order', async () => {
    expect((await call('/v1/screens/cart')).status).toBe(401);
    const set = await call('/v1/screens/cart/items/11', {
      method: 'PUT',
      json: { quantity: 2 },
      token: session.accessToken,
    });
    expect(set.status).toBe(200);
    expect(set.body.items).toEqual([expect.objectContaining({ productId: 11, quantity: 2 })]);
    const missingKey = await call('/v1/screens/checkout', {
      method: 'POST',
      json: {},
      token: session.accessToken,
    });
    expect(missingKey.status).toBe(400);
    const checkout = () =>
      call('/v1/screens/checkout', {
        method: 'POST',
        json: { shipping: 'standard' },
        token: session.accessToken,
        headers: { 'idempotency-key': 'mobile-e2e-1' },
      });
    const placed = await checkout();
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      status: 'placed',
      lines: [expect.objectContaining({ productId: 11, quantity: 2 })],
    });
    expect((await checkout()).body.id).toBe(placed.body.id);
    const orders = await call('/v2/screens/orders', { token: session.accessToken });
    expect(orders.body.items.map((o: { id: number }) => o.id)).toContain(placed.body.id);
    const order = await call(`/v2/screens/orders/${placed.body.id}`, {
      token: session.accessToken,
    });
    expect(order.body).toMatchObject({ id: placed.body.id, total: placed.body.total });
    expect((await call('/v2/screens/orders/999999', { token: session.accessToken })).status).toBe(
      404,
    );
  });

  it('takes a token the app refreshed at the provider; the provider revokes a reused one', async () => {
    const refreshed = await refreshAt(identity.issuer, APP_CLIENT.clientId, session.refreshToken);
    expect(refreshed.status).toBe(200);
    const accessToken = refreshed.access_token ?? '';
    expect((await call('/v1/screens/cart', { token: accessToken })).status).toBe(200);
    const reused = await refreshAt(identity.issuer, APP_CLIENT.clientId, session.refreshToken);
    expect([reused.status, reused.error]).toEqual([400, 'invalid_grant']);
    const successor = refreshed.refresh_token ?? '';
    const revoked = await refreshAt(identity.issuer, APP_CLIENT.clientId, successor);
    expect([revoked.status, revoked.error]).toEqual([400, 'invalid_grant']);
  });
});

describe('mobile-bff start-up and its identity provider', () => {
  const serviceKey = generateServiceKeyPair().privateKey;

  it.each([
    ['refuses to start in production without OIDC_ISSUER', {}],
    [
      'refuses a plain-http issuer off this machine in production',
      { OIDC_ISSUER: 'http://idp.example.com/realms/shop' },
    ],
    ['refuses HS256 among the accepted algorithms', { OIDC_ALGORITHMS: 'RS256,HS256' }],
  ])('%s, with one line naming the variable', async (_case, env) => {
    const { code, output } = await runToExit('mobile-bff', {
      NODE_ENV: 'production',
      SERVICE_TOKEN_PRIVATE_KEY: serviceKey,
      ...env,
    });
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Invalid environment variable OIDC_(ISSUER|ALGORITHMS)/);
  });

  it('starts and stays live while the provider is down, and says 503 to a signed-in screen', async () => {
    const mobile = await startService('mobile-bff', {
      CORE_API_URL: 'http://127.0.0.1:9',
      OIDC_ISSUER: 'http://127.0.0.1:9',
      SERVICE_KEYS_DIR: tempKeysDir(),
    });
    try {
      expect((await fetch(`${mobile.url}/health/live`)).status).toBe(200);
      const res = await fetch(`${mobile.url}/v2/screens/cart`, {
        headers: {
          authorization: 'Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
          'x-app-version': '2.0.0',
        },
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      await mobile.stop();
    }
  });
});
