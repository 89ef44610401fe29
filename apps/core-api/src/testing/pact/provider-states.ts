// The provider states the BFFs' pacts name, set up on the real core-api: through its own HTTP API
// where a customer could get there (a cart, an order), through its database where only an
// operator could (a product out of stock). States about the deterministic demo catalog check it
// and fail with the reason when the seed no longer holds what the pact needs.
import { eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { customers, idempotencyKeys, inventory } from '../../database/schema';
import { TestApp } from '../test-app';
import { StateHandlers } from './verify-pact';

type Params = Record<string, unknown> | undefined;
/** The members of core-api's answers the states read. */
interface Answer {
  id?: number;
  count?: number;
  items?: { productId?: number }[];
  nextCursor?: string | null;
}
const num = (params: Params, name: string) => Number(params?.[name]);
const str = (params: Params, name: string) => String(params?.[name]);

export function providerStates(api: TestApp): StateHandlers {
  const { db } = api.db;
  const ask = async (path: string, init: Parameters<TestApp['call']>[1] = {}) => {
    const res = await api.call(path, init);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Answer };
  };
  const expectStatus = async (
    path: string,
    status: number,
    init?: Parameters<TestApp['call']>[1],
  ) => {
    const answer = await ask(path, init);
    if (answer.status !== status)
      throw new Error(
        `state: ${init?.method ?? 'GET'} ${path} answered ${answer.status}, not ${status}`,
      );
    return answer.body;
  };
  /** At least `quantity` of the product in its first warehouse. */
  const ensureStock = async (productId: number, quantity = 50) => {
    const total = sql<number>`coalesce(sum(${inventory.quantity}), 0)::int`;
    const [row] = await db
      .select({ total })
      .from(inventory)
      .where(eq(inventory.productId, productId));
    if ((row?.total ?? 0) < quantity)
      await db
        .update(inventory)
        .set({ quantity })
        .where(sql`${inventory.productId} = ${productId} and ${inventory.warehouse} = 'central'`);
  };
  const emptyCart = async (customerId: number) => {
    await forgetCheckouts(customerId);
    const cart = await expectStatus('/carts/me', 200, { customerId });
    for (const line of cart.items ?? [])
      await expectStatus(`/carts/me/items/${line.productId}`, 200, {
        customerId,
        method: 'DELETE',
      });
  };
  /**
   * A checkout state starts with no remembered Idempotency-Keys: the pacts' example keys repeat
   * across interactions, consumers and released versions, and a remembered one would replay an
   * old answer where the interaction expects a fresh one.
   */
  const forgetCheckouts = (customerId: number) =>
    db.delete(idempotencyKeys).where(eq(idempotencyKeys.customerId, customerId));
  const cartWith = async (customerId: number, productId: number, quantity = 1) => {
    await forgetCheckouts(customerId);
    await ensureStock(productId);
    const json = { quantity };
    await expectStatus(`/carts/me/items/${productId}`, 200, { customerId, method: 'PUT', json });
  };
  const placeOrder = async (customerId: number, key: string = randomUUID()) => {
    await cartWith(customerId, 2);
    const headers = { 'idempotency-key': key };
    const init = { customerId, method: 'POST', json: { shipping: 'standard' }, headers };
    return expectStatus('/orders', 201, init);
  };

  return {
    'product exists': async (p) =>
      void (await expectStatus(`/products/${num(p as Params, 'id')}`, 200)),
    'product does not exist': async (p) =>
      void (await expectStatus(`/products/${num(p as Params, 'id')}`, 404)),
    'product has reviews': async (p) => {
      const summary = await expectStatus(
        `/products/${num(p as Params, 'id')}/reviews/summary`,
        200,
      );
      if (!summary.count) throw new Error('state: the demo product has no reviews');
    },
    'product has more reviews than one page': async (p) => {
      const id = num(p as Params, 'id');
      const page = await expectStatus(
        `/products/${id}/reviews?limit=${num(p as Params, 'limit')}`,
        200,
      );
      if (!page.nextCursor) throw new Error(`state: product ${id} has one page of reviews only`);
    },
    'product is in stock': async (p) => ensureStock(num(p as Params, 'id')),
    'product has related products': async (p) => {
      const related = await expectStatus(`/products/${num(p as Params, 'id')}/related`, 200);
      if (!related.items?.length)
        throw new Error('state: the demo product has no related products');
    },
    'categories exist': async () => void (await expectStatus('/categories', 200)),
    'category exists': async (p) =>
      void (await expectStatus(`/categories/${str(p as Params, 'slug')}/facets`, 200)),
    'category does not exist': async (p) =>
      void (await expectStatus(`/categories/${str(p as Params, 'slug')}/facets`, 404)),
    'products match the listing, more than one page': async (p) => {
      const query = new URLSearchParams(p as Record<string, string>).toString();
      const page = await expectStatus(`/products?${query}`, 200);
      if (!page.nextCursor) throw new Error(`state: /products?${query} has one page only`);
    },
    'no customer has another subject with this e-mail address': async (p) => {
      const [email, subject] = [str(p as Params, 'email'), str(p as Params, 'subject')];
      const [owner] = await db.select().from(customers).where(eq(customers.email, email));
      if (owner && owner.subject !== subject)
        throw new Error(`state: ${email} belongs to customer ${owner.id}, another subject`);
    },
    'customer exists': async (p) =>
      void (await expectStatus('/customers/me', 200, {
        customerId: num(p as Params, 'customerId'),
      })),
    'customer has a cart with product': async (p) =>
      cartWith(
        num(p as Params, 'customerId'),
        num(p as Params, 'productId'),
        num(p as Params, 'quantity'),
      ),
    'customer has an empty cart': async (p) => emptyCart(num(p as Params, 'customerId')),
    'customer has a cart with more of a product than is in stock': async (p) => {
      const [customerId, productId] = [
        num(p as Params, 'customerId'),
        num(p as Params, 'productId'),
      ];
      await emptyCart(customerId);
      await cartWith(customerId, productId);
      await db.update(inventory).set({ quantity: 0 }).where(eq(inventory.productId, productId));
    },
    'customer placed an order with idempotency key': async (p) =>
      void (await placeOrder(num(p as Params, 'customerId'), str(p as Params, 'key'))),
    'customer has more orders than one page': async (p) => {
      const [customerId, limit] = [num(p as Params, 'customerId'), num(p as Params, 'limit')];
      const firstPage = () => expectStatus(`/orders?limit=${limit}`, 200, { customerId });
      while (!(await firstPage()).nextCursor) await placeOrder(customerId);
    },
    'customer has placed an order': async (p) => {
      const order = await placeOrder(num(p as Params, 'customerId'));
      return { orderId: order.id ?? 0 };
    },
  };
}
