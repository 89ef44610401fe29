import { CartDto, OrderDto, OrderPageDto } from '@bff/core-contracts';
import { sql } from 'drizzle-orm';
import { body, startTestApp, TestApp } from '../testing/test-app';

const ADA = 1;
const GRACE = 2;

describe(`orders over HTTP (${process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite'})`, () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  const stockOf = async (productId: number) => {
    const result = (await api.db.db.execute(
      sql`select coalesce(sum(quantity), 0)::int as n from inventory where product_id = ${productId}`,
    )) as unknown as {
      rows: { n: number }[];
    };
    return Number(result.rows[0]?.n);
  };
  const count = async (table: 'orders' | 'order_lines' | 'idempotency_keys') => {
    const result = (await api.db.db.execute(
      sql.raw(`select count(*)::int as n from ${table}`),
    )) as unknown as { rows: { n: number }[] };
    return Number(result.rows[0]?.n);
  };
  const setStock = (productId: number, perWarehouse: number) =>
    api.db.db.execute(
      sql`update inventory set quantity = ${perWarehouse} where product_id = ${productId}`,
    );
  const putItem = (customerId: number, productId: number, quantity: number) =>
    api.call(`/carts/me/items/${productId}`, { method: 'PUT', json: { quantity }, customerId });
  const order = (customerId: number, key: string | undefined, body: object = {}) =>
    api.call('/orders', {
      method: 'POST',
      json: body,
      customerId,
      headers: key ? { 'idempotency-key': key } : {},
    });

  it('places an order from the cart with totals computed by the server, and takes the stock', async () => {
    await setStock(10, 5);
    await setStock(11, 5);
    expect((await putItem(ADA, 10, 2)).status).toBe(200);
    const cart = await body<CartDto>(await putItem(ADA, 11, 1));
    expect(cart.itemCount).toBe(3);

    const res = await order(ADA, 'first-order');
    expect(res.status).toBe(201);
    const placed = await body<OrderDto>(res);
    // The cart quoted the shipping the order charges: one rule (shipping/shipping-rates.ts).
    const quoted = cart.shipping.find((q: { method: string }) => q.method === 'standard');
    expect(placed.shippingCost).toEqual(quoted?.cost);
    const subtotal = placed.lines.reduce(
      (sum: number, l: { lineTotal: { amountMinor: number } }) => sum + l.lineTotal.amountMinor,
      0,
    );
    expect(placed.subtotal.amountMinor).toBe(subtotal);
    expect(placed.total.amountMinor).toBe(subtotal + placed.shippingCost.amountMinor);
    expect(placed.shippingCost.amountMinor).toBe(subtotal >= 5000 ? 0 : 495);
    expect(await stockOf(10)).toBe(13);
    expect(await stockOf(11)).toBe(14);
    expect((await body<CartDto>(await api.call('/carts/me', { customerId: ADA }))).items).toEqual(
      [],
    );
    expect(await body(await api.call(`/orders/${placed.id}`, { customerId: ADA }))).toEqual(placed);
  });

  it('needs an Idempotency-Key', async () => {
    const res = await order(ADA, undefined);
    expect(res.status).toBe(400);
    expect(await body(res)).toMatchObject({ errors: [{ field: 'Idempotency-Key', in: 'header' }] });
  });

  it('replays the first answer for the same key and body, and refuses the same key with another body', async () => {
    await setStock(20, 5);
    await putItem(ADA, 20, 1);
    const first = await order(ADA, 'replay-key');
    expect(first.status).toBe(201);
    const firstBody = await body(first);
    const ordersBefore = await count('orders');

    const again = await order(ADA, 'replay-key');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await body(again)).toEqual(firstBody);

    const different = await order(ADA, 'replay-key', { shipping: 'express' });
    expect(different.status).toBe(422);
    expect(await body(different)).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await count('orders')).toBe(ordersBefore);
  });

  it('places exactly one order and takes stock once for ten concurrent requests with one key', async () => {
    await setStock(30, 10);
    await putItem(GRACE, 30, 4);
    const ordersBefore = await count('orders');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => order(GRACE, 'double-click')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    const created = await Promise.all(
      answers.filter((a) => a.status === 201).map((a) => body<OrderDto>(a)),
    );
    expect(new Set(created.map((o: { id: number }) => o.id)).size).toBe(1);
    for (const a of answers.filter((x) => x.status === 409))
      expect(await body(a)).toMatchObject({ code: 'request_in_flight' });
    expect(await count('orders')).toBe(ordersBefore + 1);
    expect(await stockOf(30)).toBe(30 - 4);
  });

  it('answers 409 and changes nothing when the cart wants more than is in stock', async () => {
    await setStock(40, 1);
    await setStock(41, 5);
    await putItem(GRACE, 41, 2);
    await putItem(GRACE, 40, 5);
    const before = {
      orders: await count('orders'),
      lines: await count('order_lines'),
      s40: await stockOf(40),
      s41: await stockOf(41),
    };
    const res = await order(GRACE, 'too-many');
    expect(res.status).toBe(409);
    expect(await body(res)).toMatchObject({
      code: 'insufficient_stock',
      shortages: [{ productId: 40, requested: 5, available: 3 }],
    });
    expect({
      orders: await count('orders'),
      lines: await count('order_lines'),
      s40: await stockOf(40),
      s41: await stockOf(41),
    }).toEqual(before);
    expect(
      (await body<CartDto>(await api.call('/carts/me', { customerId: GRACE }))).itemCount,
    ).toBe(7);

    // The failed attempt released its key: after fixing the cart, the same key places the order.
    await putItem(GRACE, 40, 3);
    expect((await order(GRACE, 'too-many')).status).toBe(201);
  });

  it('answers 409 for an empty cart', async () => {
    const res = await order(GRACE, 'empty-cart');
    expect(res.status).toBe(409);
    expect(await body(res)).toMatchObject({ code: 'cart_empty' });
  });

  it('hides one customer’s orders and carts from another (404, as if they did not exist)', async () => {
    const adaOrders = await body<OrderPageDto>(await api.call('/orders', { customerId: ADA }));
    const adaOrder = adaOrders.items[0]!;
    expect(adaOrder).toBeDefined();
    const stolen = await api.call(`/orders/${adaOrder.id}`, { customerId: GRACE });
    expect(stolen.status).toBe(404);
    expect(await body(stolen)).toMatchObject({ code: 'order_not_found' });

    await putItem(ADA, 50, 1);
    const adaCart = await body<CartDto>(await api.call('/carts/me', { customerId: ADA }));
    expect((await api.call(`/carts/${adaCart.id}`, { customerId: ADA })).status).toBe(200);
    expect((await api.call(`/carts/${adaCart.id}`, { customerId: GRACE })).status).toBe(404);
    expect(
      (await body<OrderPageDto>(await api.call('/orders', { customerId: GRACE }))).items.every(
        (o: { id: number }) => o.id !== adaOrder.id,
      ),
    ).toBe(true);
  });

  it('pages through a customer’s orders newest first', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: OrderPageDto = await body(
        await api.call(`/orders?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { customerId: ADA }),
      );
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });
});
