import { ADA } from '@bff/core-client/testing';
import { useMobileBff } from '../testing/test-app';

describe('the screens over real HTTP, against the fake core-api, which records what reaches it', () => {
  const mobile = useMobileBff();
  const { core } = mobile;
  let accessToken: string;

  beforeAll(async () => {
    accessToken = (await mobile.signedInPhone()).accessToken ?? '';
  });

  /** Ada's cart at core-api: two of Product 1 (€10.01 each, 3 in stock). */
  const fillCart = () => core.shop.setItem(ADA.customer.id, 1, 2);

  const call = async (path: string, init: RequestInit & { signedIn?: boolean } = {}) => {
    const { signedIn = false, headers, ...rest } = init;
    const res = await fetch(`${mobile.url}${path}`, {
      ...rest,
      headers: {
        ...(signedIn ? { authorization: `Bearer ${accessToken}` } : {}),
        ...(rest.body ? { 'content-type': 'application/json' } : {}),
        ...(headers as Record<string, string> | undefined),
      },
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };

  it('home: categories and the newest products as cards', async () => {
    const { status, body } = await call('/v2/screens/home?dpr=1');
    expect(status).toBe(200);
    expect(body).toEqual({
      categories: [{ slug: 'kitchen', name: 'Kitchen' }],
      featured: expect.arrayContaining([
        {
          id: 24,
          name: 'Product 24',
          price: 1024,
          currency: 'EUR',
          image: '/media/products/24/160.svg',
        },
      ]),
      degraded: [],
    });
  });

  it('category: the name and cursor pages of cards, and 404 for an unknown slug', async () => {
    const first = await call('/v1/screens/category/kitchen?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.category).toEqual({ slug: 'kitchen', name: 'Kitchen' });
    expect(first.body.items.map((c: { id: number }) => c.id)).toEqual([24, 23, 22]);
    const rest = await call(
      `/v1/screens/category/kitchen?limit=21&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body).toMatchObject({ nextCursor: null });
    expect(rest.body.items.map((c: { id: number }) => c.id)).toEqual(
      Array.from({ length: 21 }, (_, i) => 21 - i),
    );
    expect((await call('/v1/screens/category/garden')).status).toBe(404);
    expect((await call('/v1/screens/category/kitchen?cursor=not%20a%20cursor')).status).toBe(400);
  });

  it('search: needs q and pages with a cursor', async () => {
    const found = await call('/v2/screens/search?q=kettle&limit=3');
    expect(found.status).toBe(200);
    expect(found.body.items).toHaveLength(3);
    expect(typeof found.body.nextCursor).toBe('string');
    expect(core.calls.at(-1)?.url).toContain('q=kettle');
    expect((await call('/v2/screens/search')).status).toBe(400);
    expect((await call('/v2/screens/search?q=kettle&limit=500')).status).toBe(400);
  });

  it('product: rejects a dpr outside 1–3 and unknown parameters', async () => {
    // 1.555: three decimals, which the document's `multipleOf: 0.01` forbids too.
    for (const query of ['dpr=0.5', 'dpr=4', 'dpr=two', 'dpr=1.555', 'debug=1']) {
      const res = await call(`/v2/screens/product/1?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await call('/v2/screens/product/1?dpr=2.75')).status).toBe(200);
  });

  it('cart: personal, so 401 without a token; shows, sets and removes items for the signed-in customer', async () => {
    expect((await call('/v1/screens/cart')).status).toBe(401);
    expect((await call('/v1/screens/cart', { signedIn: true })).body).toEqual({
      items: [],
      itemCount: 0,
      subtotal: 0,
      currency: 'EUR',
    });
    const set = await call('/v1/screens/cart/items/1', {
      method: 'PUT',
      signedIn: true,
      body: JSON.stringify({ quantity: 2 }),
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      items: [{ productId: 1, name: 'Product 1', quantity: 2, lineTotal: 2002, inStock: true }],
      itemCount: 2,
      subtotal: 2002,
      currency: 'EUR',
    });
    expect(
      (
        await call('/v1/screens/cart/items/1', {
          method: 'PUT',
          signedIn: true,
          body: JSON.stringify({ quantity: 0 }),
        })
      ).status,
    ).toBe(400);
    expect(
      (await call('/v1/screens/cart/items/1', { method: 'DELETE', signedIn: true })).body.items,
    ).toEqual([]);
    const put = core.calls.find((s) => s.method === 'PUT');
    expect(put?.url).toBe('/carts/me/items/1');
  });

  it('checkout: 400 without an Idempotency-Key, 201 with the order confirmation with one', async () => {
    fillCart();
    const missing = await call('/v1/screens/checkout', {
      method: 'POST',
      signedIn: true,
      body: '{}',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'Idempotency-Key', in: 'header' });
    const placed = await call('/v1/screens/checkout', {
      method: 'POST',
      signedIn: true,
      body: JSON.stringify({ shipping: 'standard' }),
      headers: { 'idempotency-key': 'checkout-1' },
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      id: 1,
      total: 2497, // €20.02 + €4.95 standard shipping
      currency: 'EUR',
      lines: [{ productId: 1, quantity: 2, lineTotal: 2002 }],
    });
    expect(
      core.calls.find((s) => s.method === 'POST' && s.url === '/orders')?.headers[
        'idempotency-key'
      ],
    ).toBe('checkout-1');
    expect(
      (
        await call('/v1/screens/checkout', {
          method: 'POST',
          body: '{}',
          headers: { 'idempotency-key': 'k' },
        })
      ).status,
    ).toBe(401);
  });

  it('orders: a list of rows and one order, 404 for an order that is not there', async () => {
    fillCart();
    core.shop.placeOrder(ADA.customer.id, 'seed'); // order 1, standard shipping
    const list = await call('/v2/screens/orders', { signedIn: true });
    expect(list.body).toEqual({
      items: [
        {
          id: 1,
          createdAt: '2026-01-01T00:00:00.000Z',
          itemCount: 2,
          total: 2497,
          currency: 'EUR',
        },
      ],
      nextCursor: null,
    });
    expect((await call('/v2/screens/orders/1', { signedIn: true })).body).toMatchObject({
      id: 1,
      shipping: 'standard',
      shippingCost: 495,
    });
    expect((await call('/v2/screens/orders/8', { signedIn: true })).status).toBe(404);
    expect((await call('/v2/screens/orders')).status).toBe(401);
  });

  it('never forwards the caller’s credentials or client headers to core-api', async () => {
    const inbound = {
      cookie: 'session=steal-me',
      'x-user-id': '2',
      'x-user-email': 'grace@example.com',
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'http',
    };
    await call('/v1/screens/product/3', {
      headers: { ...inbound, authorization: 'Bearer app-token-that-is-not-for-core-api' },
    });
    await call('/v1/screens/cart', { signedIn: true, headers: inbound });
    await call('/v2/screens/checkout', {
      method: 'POST',
      signedIn: true,
      body: '{}',
      headers: { ...inbound, 'idempotency-key': 'inbound-headers' },
    });
    expect(core.calls.length).toBeGreaterThanOrEqual(7);
    for (const { headers } of core.calls) {
      const names = Object.keys(headers);
      expect(names).not.toContain('cookie');
      expect(names.filter((n) => n.startsWith('x-user-') || n.startsWith('x-forwarded-'))).toEqual(
        [],
      );
      const token = String(headers['authorization']).replace(/^Bearer /, '');
      expect(token).not.toBe(accessToken);
      const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
      expect(header.alg).toBe('EdDSA');
      expect(claims).toMatchObject({ iss: 'mobile-bff', aud: 'core-api' });
    }
    const cartCall = core.calls.find((s) => s.url === '/carts/me');
    const cartClaims = JSON.parse(
      Buffer.from(
        String(cartCall?.headers['authorization']).split('.')[1] ?? '',
        'base64url',
      ).toString(),
    );
    expect(cartClaims.sub).toBe(`customer:${ADA.customer.id}`);
  });
});
