import { CoreApiClient } from '../lib/core-api.client';
import { Operation, satisfiesContract } from '../lib/operations';
import { CLIENT_CALLS } from './client-calls';
import { FAKE_PRODUCT_COUNT } from './fake-catalog';
import { ADA, GRACE } from './fake-shop';
import { useFakeCoreApi } from './hooks';
import { TestClient, testClient } from './test-client';

const ada = ADA.customer.id;
const grace = GRACE.customer.id;

describe('the fake core-api (over real HTTP, through CoreApiClient)', () => {
  const fake = useFakeCoreApi();
  let core: TestClient;

  beforeEach(() => {
    // The test client's roomy time limits: a loaded machine cannot eat them (the first call is a cold one).
    core = testClient(fake.url, { resilience: { retries: 0 } });
  });
  afterEach(() => core.close());

  it('has an answer for every CoreApiClient method', () => {
    const methods = Object.getOwnPropertyNames(CoreApiClient.prototype).filter(
      (name) => name !== 'constructor' && name !== 'call',
    );
    expect(Object.keys(CLIENT_CALLS).sort()).toEqual(methods.sort());
  });

  it.each(Object.entries(CLIENT_CALLS))(
    "answers %s with a body that passes core-client's contract check",
    async (operation, call) => {
      const answer = await call(core.client, fake);
      expect(satisfiesContract(operation as Operation, answer)).toBe(true);
      expect(fake.calls.at(-1)?.headers.authorization).toMatch(/^Bearer eyJ/);
    },
  );

  it('pages through the whole catalog with its cursors, newest first', async () => {
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await core.client.listProducts({ limit: 10, cursor });
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toEqual(
      Array.from({ length: FAKE_PRODUCT_COUNT }, (_, i) => FAKE_PRODUCT_COUNT - i),
    );
    await expect(core.client.listProducts({ cursor: 'not-mine' })).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
    });
  });

  it('filters and sorts the list like core-api', async () => {
    const page = await core.client.listProducts({
      brand: 'vela',
      maxPrice: 1010,
      sort: 'price_desc',
    });
    expect(page.items.map((item) => [item.id, item.brand, item.price.amountMinor])).toEqual([
      [10, 'Vela', 1010],
      [8, 'Vela', 1008],
      [6, 'Vela', 1006],
      [4, 'Vela', 1004],
      [2, 'Vela', 1002],
    ]);
    await expect(core.client.listProducts({ category: 'garden' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(core.client.listProducts({ minPrice: 500, maxPrice: 100 })).rejects.toMatchObject({
      status: 400,
      errors: [
        {
          field: 'minPrice',
          in: 'query',
          messages: ['minPrice must not be greater than maxPrice'],
        },
      ],
    });
  });

  it('answers 404 for a product or category it does not have', async () => {
    await expect(core.client.getProduct(FAKE_PRODUCT_COUNT + 1)).rejects.toMatchObject({
      status: 404,
    });
    await expect(core.client.getInventory(0)).rejects.toMatchObject({ status: 404 });
    await expect(core.client.getCategoryFacets('garden')).rejects.toMatchObject({ status: 404 });
    expect((await core.client.getProducts([3, 999])).missing).toEqual([999]);
  });

  it('links both demo customers by verified address and refuses anyone else with 409', async () => {
    const link = (email: string, emailVerified = true) =>
      core.client.linkCustomer({ subject: 's-1', email, displayName: 'Someone', emailVerified });
    expect(await link(GRACE.customer.email)).toEqual({
      id: 2,
      email: 'grace@example.com',
      displayName: 'Grace',
    });
    await expect(link(ADA.customer.email, false)).rejects.toMatchObject({ status: 409 });
    await expect(link('mallory@example.com')).rejects.toMatchObject({ status: 409 });
    expect(await core.client.getCustomer(grace)).toEqual(GRACE.customer);
  });

  it("keeps a cart per customer, from the service token's subject, priced and stocked from the catalog", async () => {
    expect(await core.client.setCartItem(ada, 2, 3)).toEqual({
      id: 1,
      items: [
        {
          productId: 2,
          name: 'Product 2',
          unitPrice: { amountMinor: 1002, currency: 'EUR' },
          quantity: 3,
          lineTotal: { amountMinor: 3006, currency: 'EUR' },
          available: 4,
        },
      ],
      itemCount: 3,
      subtotal: { amountMinor: 3006, currency: 'EUR' },
      shipping: [
        {
          method: 'standard',
          cost: { amountMinor: 495, currency: 'EUR' },
          freeFrom: { amountMinor: 5000, currency: 'EUR' },
        },
        { method: 'express', cost: { amountMinor: 1495, currency: 'EUR' }, freeFrom: null },
      ],
    });
    expect(await core.client.getCart(grace)).toMatchObject({
      id: null,
      items: [],
      itemCount: 0,
      subtotal: { amountMinor: 0, currency: 'EUR' },
    });
    // Standard shipping is free from €50, as core-api charges it.
    const free = await core.client.setCartItem(ada, 2, 5);
    expect(free.shipping.map((q) => [q.method, q.cost.amountMinor])).toEqual([
      ['standard', 0],
      ['express', 1495],
    ]);
    expect((await core.client.removeCartItem(ada, 2)).items).toEqual([]);
    const claims = JSON.parse(
      Buffer.from(
        String(fake.calls[0]?.headers.authorization).split('.')[1] ?? '',
        'base64url',
      ).toString(),
    );
    expect(claims.sub).toBe('customer:1');
  });

  it('places orders per customer with core-api’s totals, once per idempotency key', async () => {
    await expect(core.client.placeOrder(ada, 'empty')).rejects.toMatchObject({
      status: 409,
      code: 'cart_empty',
    });
    await core.client.setCartItem(ada, 3, 2);
    const order = await core.client.placeOrder(ada, 'k-1', { shipping: 'express' });
    expect(order).toMatchObject({
      id: 1,
      status: 'placed',
      shipping: 'express',
      lines: [{ productId: 3, name: 'Product 3', quantity: 2, lineTotal: { amountMinor: 2006 } }],
      subtotal: { amountMinor: 2006 },
      shippingCost: { amountMinor: 1495 },
      total: { amountMinor: 3501 },
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await core.client.placeOrder(ada, 'k-1', { shipping: 'express' })).toEqual(order);
    expect((await core.client.getCart(ada)).items).toEqual([]);
    expect(await core.client.listOrders(ada)).toEqual({ items: [order], nextCursor: null });
    expect((await core.client.listOrders(grace)).items).toEqual([]);
    await expect(core.client.getOrder(grace, order.id)).rejects.toMatchObject({ status: 404 });
  });

  it('ships standard orders from €50 for free, and refuses more than is in stock', async () => {
    fake.shop.setItem(ada, 24, 5); // 5 × €10.24, 26 in stock
    expect((await core.client.placeOrder(ada, 'free')).shippingCost.amountMinor).toBe(0);
    fake.shop.setItem(ada, 1, 4); // 3 in stock
    await expect(core.client.placeOrder(ada, 'short')).rejects.toMatchObject({
      status: 409,
      code: 'insufficient_stock',
    });
  });

  it('records every request: method, url, headers and body', async () => {
    await core.client.setCartItem(ada, 2, 1);
    await core.client.listProducts({ q: 'kettle', limit: 2 });
    expect(fake.calls.map(({ method, url, body }) => [method, url, body])).toEqual([
      ['PUT', '/carts/me/items/2', '{"quantity":1}'],
      ['GET', '/products?q=kettle&limit=2', ''],
    ]);
    expect(fake.calls[0]?.headers['content-type']).toMatch(/^application\/json/);
  });

  it('refuses a request without a service token with 401, and a personal one for an anonymous visitor with 403', async () => {
    expect((await fetch(`${fake.url}/products/1`)).status).toBe(401);
    const calls = fake.calls.length;
    const checks = fake.livenessChecks;
    expect((await fetch(`${fake.url}/health/live`)).status).toBe(200);
    // A liveness look is counted apart: it lands whenever the machine lets it, not in `calls`.
    expect([fake.calls.length, fake.livenessChecks]).toEqual([calls, checks + 1]);
    await core.client.getProduct(1);
    const anonymousToken = String(fake.calls.at(-1)?.headers.authorization);
    const res = await fetch(`${fake.url}/carts/me`, { headers: { authorization: anonymousToken } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'customer_required' });
  });

  it('lets a test make one route fail, hang or answer something else, by method and path', async () => {
    fake
      .fail('GET', '/products/1', 503)
      .hang('GET', '/products/2')
      .answer('GET', '/products/3', 200, { id: 3, name: 42 });
    await expect(core.client.getProduct(1)).rejects.toMatchObject({ status: 503 });
    // The hanging route is waited out by a client with a 2 s attempt timeout (the request needs
    // milliseconds to arrive; the fake never answers it).
    const hurried = testClient(fake.url, { resilience: { retries: 0, attemptTimeoutMs: 2_000 } });
    try {
      await expect(hurried.client.getProduct(2)).rejects.toMatchObject({ status: 504 });
    } finally {
      await hurried.close();
    }
    await expect(core.client.getProduct(3)).rejects.toMatchObject({ status: 502 });
    expect((await core.client.getProduct(4)).name).toBe('Product 4');
    expect(fake.calls.map((call) => call.url)).toEqual([
      '/products/1',
      '/products/2',
      '/products/3',
      '/products/4',
    ]);
    fake.reset();
    expect(fake.calls).toEqual([]);
    expect((await core.client.getProduct(1)).name).toBe('Product 1');
  });

  it('matches a fault by method and path pattern, never by query, the newest first', async () => {
    fake.fail('GET', '/products/:id/reviews', 503).fail('GET', '/products/2/reviews', 404);
    await expect(core.client.getReviews(1, { limit: 2 })).rejects.toMatchObject({ status: 503 });
    await expect(core.client.getReviews(2)).rejects.toMatchObject({ status: 404 });
    // Another method, or a longer path, is the fake's own answer.
    expect((await core.client.getRatingSummary(1)).productId).toBe(1);
    expect((await core.client.setCartItem(ada, 1, 1)).itemCount).toBe(1);
    expect(() => fake.fail('GET', '/products?ids=1', 503)).toThrow(/without a query/);
  });

  it('fails only `times` requests when asked, with the body and headers given', async () => {
    const inFlight = { status: 409, code: 'request_in_flight', detail: 'Still placing it.' };
    fake.fail('POST', '/orders', 409, {
      body: inFlight,
      headers: { 'retry-after': '0' },
      times: 1,
    });
    await core.client.getCart(ada);
    const token = String(fake.calls.at(-1)?.headers.authorization);
    const post = () =>
      fetch(`${fake.url}/orders`, {
        method: 'POST',
        headers: {
          authorization: token,
          'idempotency-key': 'k',
          'content-type': 'application/json',
        },
        body: '{}',
      });
    const first = await post();
    expect([first.status, first.headers.get('retry-after'), await first.json()]).toEqual([
      409,
      '0',
      inFlight,
    ]);
    // The fake answers again: here, an empty cart.
    expect(await (await post()).json()).toMatchObject({ status: 409, code: 'cart_empty' });
  });

  it('answers a fault with a problem shaped like core-api’s unless given a body', async () => {
    fake.fail('GET', '/categories', 503);
    const res = await fetch(`${fake.url}/categories`);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      code: 'fake_failure',
      detail: 'The test made GET /categories answer 503.',
      instance: '/categories',
      requestId: expect.stringMatching(/^fake-/),
    });
  });

  it('drops a hanging request at reset: its connection ends instead of waiting for ever', async () => {
    fake.hang('GET', '/categories');
    const hanging = fetch(`${fake.url}/categories`);
    while (fake.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    fake.reset();
    await expect(hanging).rejects.toThrow();
    expect((await fetch(`${fake.url}/categories`)).status).toBe(401);
  });
});
