import type { LiveContext } from '../live-context';
import { inStock } from './core-api';

const GET = (path: string) => ({ method: 'GET', path });
const VERSIONS = ['v1', 'v2'] as const;

/**
 * mobile-bff's operations, both API versions, on their normal paths and the errors only they can
 * give. 304 (If-None-Match), 426 and the generic 4xx are the suite's own loops.
 */
export function mobileBffCases(ctx: LiveContext): void {
  const { mobile } = ctx;

  it('operational routes', async () => {
    await mobile(GET('/metrics'), 200, { token: false, version: false });
    await mobile(GET('/health/live'), 200, { token: false, version: false });
    await mobile(GET('/health/ready'), 200, { token: false, version: false });
  });

  it.each(VERSIONS)('%s: password sign-in is gone, every route says update (426)', async (v) => {
    for (const route of ['token', 'refresh', 'logout'])
      await mobile(
        {
          method: 'POST',
          path: `/${v}/auth/${route}`,
          body: { email: 'ada@example.com', password: 'storefront-demo-ada' },
        },
        426,
        { token: false },
      );
  });

  it.each(VERSIONS)('%s: screens, found and not found', async (v) => {
    const home = await mobile(GET(`/${v}/screens/home?dpr=2`), 200, { token: false });
    const slug = home.json().categories[0].slug;
    await mobile(GET(`/${v}/screens/category/${slug}?limit=2&dpr=1.5`), 200, { token: false });
    await mobile(GET(`/${v}/screens/category/no-such-category`), 404, { token: false });
    const product = await mobile(GET(`/${v}/screens/product/7`), 200, { token: false });
    const word = encodeURIComponent(product.json().name.split(' ')[0]);
    await mobile(GET(`/${v}/screens/search?q=${word}&limit=3`), 200, { token: false });
    await mobile(GET(`/${v}/screens/product/999999`), 404, { token: false });
    const malformed = await mobile(GET(`/${v}/screens/home`), 400, { version: 'not-a-version' });
    expect(malformed.json().errors).toEqual([expect.objectContaining({ in: 'header' })]);
  });

  it('pictures, found and not found', async () => {
    const none = { token: false, version: false } as const;
    await mobile(GET('/media/products/7/320.svg'), 200, none);
    await mobile(GET('/media/products/999999/320.svg'), 404, none);
    await mobile(GET('/media/products/7/321.svg'), 404, none);
  });

  it.each(VERSIONS)(
    '%s: the cart, checkout once per key, reused key (422), empty cart (409), orders',
    async (v) => {
      const [, , , , one, two] = await inStock(ctx);
      await mobile(
        { method: 'PUT', path: `/${v}/screens/cart/items/${one}`, body: { quantity: 2 } },
        200,
      );
      await mobile(
        { method: 'PUT', path: `/${v}/screens/cart/items/999999`, body: { quantity: 1 } },
        404,
      );
      await mobile(
        { method: 'PUT', path: `/${v}/screens/cart/items/${two}`, body: { quantity: 1 } },
        200,
      );
      await mobile({ method: 'DELETE', path: `/${v}/screens/cart/items/${two}` }, 200);
      await mobile(GET(`/${v}/screens/cart`), 200);
      const checkout = (key: string, shipping = 'standard') => ({
        method: 'POST',
        path: `/${v}/screens/checkout`,
        headers: { 'idempotency-key': key },
        body: { shipping },
      });
      const placed = await mobile(checkout(`live-mobile-${v}-1`), 201);
      await mobile(checkout(`live-mobile-${v}-1`), 201);
      await mobile(checkout(`live-mobile-${v}-1`, 'express'), 422);
      await mobile(checkout(`live-mobile-${v}-2`), 409);
      await mobile(GET(`/${v}/screens/orders?limit=5`), 200);
      await mobile(GET(`/${v}/screens/orders/${placed.json().id}`), 200);
      await mobile(GET(`/${v}/screens/orders/999999`), 404);
    },
  );
}
