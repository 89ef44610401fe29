import { OidcUserAgent, SignInRefused } from '@bff/platform-auth/testing';
import {
  SECOND_CUSTOMER,
  startWebStack,
  stopWebStack,
  type WebStack,
  webSessionCookie,
} from './support/identity';
import { loadPicture, widthOf } from './support/pictures';
import { RunningService } from './support/processes';
import { coreApiCaller, tempKeysDir } from './support/service-tokens';

/** A browser-like client: keeps web-bff's session cookie and sends the CSRF header. */
function client(base: string, signedIn = '') {
  let cookie = signedIn;
  return async (
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      headers: {
        'x-csrf': '1',
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...init.headers,
      },
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('__Host-session='));
    if (set) cookie = set.split(';')[0] ?? '';
    return res;
  };
}

describe('web-bff checkout against the real core-api (processes)', () => {
  const keysDir = tempKeysDir();
  let core: RunningService;
  let web: RunningService;

  let stack: WebStack | undefined;

  beforeAll(async () => {
    stack = await startWebStack(keysDir, { RATE_LIMIT_MAX: '100000' });
    ({ core, web } = stack);
  });
  afterAll(() => stopWebStack(stack));

  it('places one order for two concurrent checkouts with the same Idempotency-Key, and both get it', async () => {
    const grace = client(web.url, await webSessionCookie(web.url, SECOND_CUSTOMER));
    const signIn = await grace('/bff/user');
    expect(signIn.status).toBe(200);
    const { customer } = (await signIn.json()) as { customer: { id: number } };
    expect(
      (await grace('/api/cart/items/7', { method: 'PUT', json: { quantity: 2 } })).status,
    ).toBe(200);

    const key = `double-click-${Date.now()}`;
    const checkout = () =>
      grace('/api/checkout', {
        method: 'POST',
        json: { shipping: 'standard' },
        headers: { 'idempotency-key': key },
      });
    const answers = await Promise.all([checkout(), checkout()]);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as Array<{ id: number }>;
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(bodies[0]!.id).toBe(bodies[1]!.id);

    // core-api's own record: exactly one order for this customer.
    const orders = (await (
      await coreApiCaller(() => core.url, keysDir)('/orders', { customerId: customer.id })
    ).json()) as { items: Array<{ id: number }> };
    expect(orders.items.map((o) => o.id)).toEqual([bodies[0]!.id]);
    // And the storefront's order history agrees.
    const history = (await (await grace('/api/pages/orders')).json()) as {
      orders: Array<{ id: number }>;
    };
    expect(history.orders.map((o) => o.id)).toEqual([bodies[0]!.id]);
  });

  it("serves every picture URL of a product page (the product's and its related products')", async () => {
    const page = (await (await client(web.url)('/api/pages/product/7')).json()) as {
      product: { images: Array<{ url: string }> };
      related: Array<{ image: string }>;
    };
    const urls = [...page.product.images.map((i) => i.url), ...page.related.map((r) => r.image)];
    expect(urls).toContain('/media/products/7/640.svg');
    // No cookie and no X-CSRF header: what an <img> sends.
    const answers = await Promise.all(urls.map((url) => loadPicture(web.url, url)));
    expect(answers).toEqual(
      urls.map((url) => ({
        url,
        status: 200,
        type: 'image/svg+xml; charset=utf-8',
        cacheControl: 'public, max-age=86400',
        etag: null,
        svgWidth: widthOf(url),
      })),
    );
    const unknown = await fetch(`${web.url}/media/products/999999/640.svg`);
    expect([unknown.status, unknown.headers.get('content-type')]).toEqual([
      404,
      expect.stringMatching(/^application\/problem\+json/),
    ]);
  });

  it('opens no session for a wrong password: the provider shows its form again', async () => {
    const agent = new OidcUserAgent();
    const login = await agent.get(`${web.url}/bff/login?returnTo=/`);
    const signIn = agent.signIn(login.location ?? '', { ...SECOND_CUSTOMER, password: 'nope' });
    await expect(signIn).rejects.toBeInstanceOf(SignInRefused);
    expect(agent.cookies.header(new URL(web.url)) ?? '').not.toMatch(/__Host-session=/);
  });
});
