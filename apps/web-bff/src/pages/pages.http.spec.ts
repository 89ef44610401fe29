import { ADA, pageCursor } from '@bff/core-client/testing';
import { toPageCursor } from '@bff/bff-kit';
import { body, Browser, expectProblem, useWebBff } from '../testing/web-test-app';

/** What the tests read from the pages' JSON. */
type Json = Record<string, any>;

describe('web-bff pages (real app over HTTP, core-api stubbed)', () => {
  const web = useWebBff();
  const { core } = web;
  const ada = new Browser(() => web.url);
  beforeAll(() => ada.signInAs(web.app));

  const paths = () => core.calls.map((c) => c.url.split('?')[0]);
  /** Puts one Product 2 (€10.02, 4 in stock) in Ada's cart at core-api. */
  const fillCart = () => core.shop.setItem(ADA.customer.id, 2, 1);

  it('builds the product page in one request, fanning out to core-api in parallel', async () => {
    const res = await ada.fetch('/api/pages/product/1');
    expect(res.status).toBe(200);
    const page = await body<Json>(res);
    expect(page.degraded).toEqual([]);
    expect(page.product.images.map((i: { width: number }) => i.width)).toEqual([
      160, 320, 640, 1280,
    ]);
    expect(page.availability.warehouses.length).toBe(3);
    expect(page.rating.histogram).toHaveLength(5);
    expect(paths().sort()).toEqual([
      '/inventory/1',
      '/products/1',
      '/products/1/related',
      '/products/1/reviews',
      '/products/1/reviews/summary',
    ]);
  });

  it('still answers the product page with `degraded` set when an optional part is down', async () => {
    core.fail('GET', '/products/1/reviews', 503).fail('GET', '/products/1/reviews/summary', 503);
    const res = await ada.fetch('/api/pages/product/1');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-degraded')).toBe('reviews,rating');
    const page = await body<Json>(res);
    expect(page.degraded).toEqual(['reviews', 'rating']);
    expect(page.reviews).toBeUndefined();
    expect(page.product.id).toBe(1);
    expect(page.availability).toBeDefined();
  });

  it('builds the home page from categories, the newest products and the lowest prices', async () => {
    const page = await body<Json>(ada.fetch('/api/pages/home'));
    expect(page.categories).toEqual([
      { id: 1, slug: 'kitchen', name: 'Kitchen', productCount: 24, href: '/category/kitchen' },
    ]);
    expect(page.featured).toHaveLength(8);
    expect(page.featured[0]).toMatchObject({ href: '/product/24', price: { formatted: '€10.24' } });
    expect(page.deals[0]).toMatchObject({ href: '/product/1', price: { formatted: '€10.01' } });
    const lists = core.calls
      .filter((c) => c.url.startsWith('/products?'))
      .map((c) => new URL(c.url, 'http://x').searchParams.get('sort'));
    expect(lists.sort()).toEqual(['newest', 'price_asc']);
  });

  it("builds the category page with core-api's facets over the whole category and passes filters, sort and cursor on", async () => {
    const res = await ada.fetch(
      `/api/pages/category/kitchen?sort=price_desc&brand=Fjord&minPrice=100&limit=2&cursor=${toPageCursor(pageCursor(2))}`,
    );
    expect(res.status).toBe(200);
    const page = await body<Json>(res);
    expect(page.category).toEqual({ slug: 'kitchen', name: 'Kitchen' });
    expect(page.facets.brands).toEqual([
      { brand: 'Fjord', count: 12, selected: true },
      { brand: 'Vela', count: 12, selected: false },
    ]);
    expect(page.facets.priceRange.min.formatted).toBe('€10.01');
    const list = core.calls.find((c) => c.url.startsWith('/products?'))!;
    expect(Object.fromEntries(new URL(list.url, 'http://x').searchParams)).toEqual({
      category: 'kitchen',
      sort: 'price_desc',
      brand: 'Fjord',
      minPrice: '100',
      limit: '2',
      cursor: pageCursor(2),
    });
    expect(paths()).toContain('/categories/kitchen/facets');
  });

  it.each([
    '/api/pages/category/Kitchen',
    '/api/pages/category/kitchen?sort=cheapest',
    '/api/pages/category/kitchen?limit=500',
    '/api/pages/category/kitchen?cursor=not%20a%20cursor',
    '/api/pages/category/kitchen?cursor=eyJmIjoiY3pDTE9YY2NmbSJ9',
    '/api/pages/orders?cursor=c_____',
    '/api/pages/home?debug=1',
    '/api/pages/product/0x10',
  ])('answers 400 problem+json to bad input: %s', async (path) => {
    const res = await ada.fetch(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(core.calls).toEqual([]);
  });

  it.each(['/api/pages/cart', '/api/pages/orders', '/api/pages/orders/1'])(
    'answers 401 to %s without a session',
    async (path) => {
      const res = await new Browser(web.url).fetch(path);
      expect(res.status).toBe(401);
      expect(core.calls).toEqual([]);
    },
  );

  it('shows the cart with live prices and stock, on behalf of the signed-in customer only', async () => {
    fillCart();
    const page = await body<Json>(ada.fetch('/api/pages/cart'));
    expect(page).toMatchObject({
      itemCount: 1,
      canCheckout: true,
      degraded: [],
      subtotal: { formatted: '€10.02' },
    });
    expect(page.lines[0]).toMatchObject({
      productId: 2,
      available: 4,
      stockLabel: 'Only 4 left',
      enoughStock: true,
      href: '/product/2',
      image: '/media/products/2/160.svg',
    });
    const cartCall = core.calls.find((c) => c.url === '/carts/me')!;
    const claims = JSON.parse(
      Buffer.from(cartCall.headers.authorization!.split('.')[1]!, 'base64url').toString(),
    );
    expect(claims.sub).toBe('customer:1');
  });

  it("estimates shipping on the cart page with core-api's quotes, the prices checkout charges", async () => {
    fillCart();
    const page = await body<Json>(await ada.fetch('/api/pages/cart'));
    expect(page.shipping).toEqual([
      {
        method: 'standard',
        label: 'Standard',
        cost: { amountMinor: 495, currency: 'EUR', formatted: '€4.95' },
        total: { amountMinor: 1497, currency: 'EUR', formatted: '€14.97' },
        freeAfter: { amountMinor: 3998, currency: 'EUR', formatted: '€39.98' },
      },
      {
        method: 'express',
        label: 'Express',
        cost: { amountMinor: 1495, currency: 'EUR', formatted: '€14.95' },
        total: { amountMinor: 2497, currency: 'EUR', formatted: '€24.97' },
        freeAfter: null,
      },
    ]);
    const placed = await body<Json>(
      await ada.fetch('/api/checkout', {
        method: 'POST',
        json: { shipping: 'standard' },
        headers: { 'idempotency-key': 'estimate-1' },
      }),
    );
    expect(placed.shippingCost).toEqual(page.shipping[0].cost);
    expect(placed.total).toEqual(page.shipping[0].total);
  });

  it('adds to what the cart holds with POST, and refuses with 409 past the most a line may hold', async () => {
    fillCart();
    const added = await ada.fetch('/api/cart/items/2', { method: 'POST', json: { quantity: 2 } });
    expect(added.status).toBe(200);
    expect((await body<Json>(added)).lines[0]).toMatchObject({ productId: 2, quantity: 3 });
    expect(core.calls.filter((c) => c.method === 'PUT').map((c) => [c.url, c.body])).toEqual([
      ['/carts/me/items/2', '{"quantity":3}'],
    ]);
    const full = await ada.fetch('/api/cart/items/2', { method: 'POST', json: { quantity: 97 } });
    expect(full.status).toBe(409);
    expect(full.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await body(full)).toMatchObject({ code: 'cart_line_full', holds: 3, max: 99 });
    const fresh = await ada.fetch('/api/cart/items/5', { method: 'POST', json: { quantity: 1 } });
    expect((await body<Json>(fresh)).lines.map((l: { productId: number }) => l.productId)).toEqual([
      2, 5,
    ]);
    expect(
      (await ada.fetch('/api/cart/items/2', { method: 'POST', json: { quantity: 0 } })).status,
    ).toBe(400);
  });

  it('changes cart lines with PUT and DELETE and answers the new cart', async () => {
    const put = await ada.fetch('/api/cart/items/2', { method: 'PUT', json: { quantity: 3 } });
    expect(put.status).toBe(200);
    const del = await ada.fetch('/api/cart/items/2', { method: 'DELETE' });
    expect(del.status).toBe(200);
    const writes = core.calls.filter((c) => c.method !== 'GET');
    expect(writes.map((c) => [c.method, c.url, c.body])).toEqual([
      ['PUT', '/carts/me/items/2', '{"quantity":3}'],
      ['DELETE', '/carts/me/items/2', ''],
    ]);
    expect(
      (await ada.fetch('/api/cart/items/2', { method: 'PUT', json: { quantity: 0 } })).status,
    ).toBe(400);
  });

  it('needs an Idempotency-Key to check out and hands it to core-api', async () => {
    fillCart();
    const missing = await ada.fetch('/api/checkout', { method: 'POST', json: {} });
    expect(missing.status).toBe(400);
    expect(await body(missing)).toMatchObject({
      errors: [{ field: 'Idempotency-Key', in: 'header' }],
    });
    expect(core.calls).toEqual([]);
    const placed = await ada.fetch('/api/checkout', {
      method: 'POST',
      json: { shipping: 'express' },
      headers: { 'idempotency-key': 'checkout-42' },
    });
    expect(placed.status).toBe(201);
    expect(await body(placed)).toMatchObject({
      href: expect.stringMatching(/^\/orders\/\d+$/),
      total: { formatted: '€24.97' }, // €10.02 + €14.95 express shipping
    });
    const order = core.calls.find((c) => c.url === '/orders')!;
    expect(order.headers['idempotency-key']).toBe('checkout-42');
    expect(JSON.parse(order.body)).toEqual({ shipping: 'express' });
  });

  it("passes core-api's checkout refusals on as 409 problems the page can show", async () => {
    core.fail('POST', '/orders', 409, {
      body: {
        status: 409,
        code: 'insufficient_stock',
        detail: 'Not enough stock for every item in the cart; nothing was ordered.',
      },
    });
    const res = await ada.fetch('/api/checkout', {
      method: 'POST',
      json: {},
      headers: { 'idempotency-key': 'short' },
    });
    await expectProblem(res, 409, 'insufficient_stock');
  });

  it('shows the order history and one order', async () => {
    fillCart();
    core.shop.placeOrder(ADA.customer.id, 'seed'); // order 1, standard shipping
    const history = await body<Json>(ada.fetch('/api/pages/orders'));
    expect(history.orders[0]).toMatchObject({
      title: 'Product 2',
      itemCount: 1,
      total: { formatted: '€14.97' },
    });
    const detail = await body<Json>(ada.fetch('/api/pages/orders/1'));
    expect(detail.order).toMatchObject({
      id: 1,
      href: '/orders/1',
      lines: [{ href: '/product/2' }],
    });
  });
});
