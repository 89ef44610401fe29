import type { LiveContext } from '../live-context';

const GET = (path: string) => ({ method: 'GET', path });

/**
 * Products with stock to spare (at least 20 each), for carts the suites order from: the demo
 * catalog's stock differs from product to product.
 */
export async function inStock(ctx: LiveContext, count = 6): Promise<number[]> {
  const ids = Array.from({ length: 40 }, (_, i) => i + 1).join(',');
  const stock = await ctx.core(GET(`/inventory?productIds=${ids}`), 200);
  const found = (stock.json().items as Array<{ productId: number; total: number }>)
    .filter((item) => item.total >= 20)
    .map((item) => item.productId);
  if (found.length < count) throw new Error(`only ${found.length} products have 20 in stock`);
  return found.slice(0, count);
}

/**
 * core-api's operations on their normal paths and the errors only they can give (404, 409, 422,
 * 403 without a customer): the generic ones (400, 401, 413, 414, 415) are the suite's own loop.
 */
export function coreApiCases(ctx: LiveContext & { setCoreCustomer(id: number): void }): void {
  const { core } = ctx;

  it('operational routes', async () => {
    await core(GET('/metrics'), 200, { customer: false });
    await core(GET('/health/live'), 200, { customer: false });
    await core(GET('/health/ready'), 200, { customer: false });
  });

  it('links a customer (200), and refuses an address another subject holds (409)', async () => {
    const linked = await core(
      {
        method: 'POST',
        path: '/customers/link',
        body: {
          subject: 'live-documents-subject',
          email: 'live-documents@example.com',
          displayName: 'Live Documents',
          emailVerified: true,
        },
      },
      200,
      { customer: null },
    );
    ctx.setCoreCustomer(linked.json().id);
    await core(
      {
        method: 'POST',
        path: '/customers/link',
        body: {
          subject: 'another-subject',
          email: 'live-documents@example.com',
          displayName: 'Someone Else',
          emailVerified: true,
        },
      },
      409,
      { customer: null },
    );
    await core(GET('/customers/me'), 200);
    await core(GET('/customers/me'), 403, { customer: null });
    await core(GET('/customers/me'), 404, { customer: 2_000_000 });
  });

  it('catalog reads, found and not found', async () => {
    const categories = await core(GET('/categories'), 200);
    const slug = categories.json().items[0].slug;
    await core(GET(`/categories/${slug}/facets`), 200);
    await core(GET('/categories/no-such-category/facets'), 404);
    await core(GET(`/products?limit=2&category=${slug}&sort=price_asc`), 200);
    await core(GET('/products?category=no-such-category'), 404);
    await core(GET('/products/1'), 200);
    await core(GET('/products/999999'), 404);
    await core(GET('/products/1/related?limit=3'), 200);
    await core(GET('/products/999999/related'), 404);
    await core(GET('/products/1/reviews?limit=2'), 200);
    await core(GET('/products/999999/reviews'), 404);
    await core(GET('/products/1/reviews/summary'), 200);
    await core(GET('/products/999999/reviews/summary'), 404);
    await core(GET('/reviews/summaries?productIds=1,2,3'), 200);
    await core(GET('/inventory?productIds=1,2'), 200);
    await core(GET('/inventory/1'), 200);
    await core(GET('/inventory/999999'), 404);
  });

  it('a cart, an order once per key, a reused key (422), an empty cart and short stock (409)', async () => {
    const [plenty, other] = await inStock(ctx);
    await core({ method: 'PUT', path: `/carts/me/items/${plenty}`, body: { quantity: 2 } }, 200);
    await core({ method: 'PUT', path: '/carts/me/items/999999', body: { quantity: 1 } }, 404);
    await core({ method: 'PUT', path: `/carts/me/items/${plenty}`, body: { quantity: 1 } }, 403, {
      customer: null,
    });
    await core({ method: 'PUT', path: `/carts/me/items/${other}`, body: { quantity: 1 } }, 200);
    await core({ method: 'DELETE', path: `/carts/me/items/${other}` }, 200);
    const cart = await core(GET('/carts/me'), 200);
    await core(GET(`/carts/${cart.json().id}`), 200);
    await core(GET('/carts/999999'), 404);
    const order = (key: string, shipping = 'standard') => ({
      method: 'POST',
      path: '/orders',
      headers: { 'idempotency-key': key },
      body: { shipping },
    });
    const placed = await core(order('live-core-1'), 201);
    const replayed = await core(order('live-core-1'), 201);
    expect(replayed.headers.find(([n]) => n.toLowerCase() === 'idempotent-replayed')?.[1]).toBe(
      'true',
    );
    await core(order('live-core-1', 'express'), 422);
    await core(order('live-core-2'), 409); // the cart is empty now
    // More than any product has in stock: 409 naming the shortages.
    const stock = await core(GET('/inventory?productIds=1,2,3,4,5,6,7,8,9,10'), 200);
    const short = (stock.json().items as Array<{ productId: number; total: number }>).find(
      (i) => i.total < 99,
    );
    if (!short) throw new Error('no product with fewer than 99 in stock among the first ten');
    await core(
      { method: 'PUT', path: `/carts/me/items/${short.productId}`, body: { quantity: 99 } },
      200,
    );
    const shortage = await core(order('live-core-3'), 409);
    expect(shortage.json().shortages).toEqual([
      expect.objectContaining({ productId: short.productId }),
    ]);
    await core({ method: 'DELETE', path: `/carts/me/items/${short.productId}` }, 200);
    await core(GET('/orders?limit=5'), 200);
    await core(GET(`/orders/${placed.json().id}`), 200);
    await core(GET('/orders/999999'), 404);
  });
}
