// The personal side of the fake core-api: the demo customers, and a cart and orders per customer,
// priced and stocked from the fake catalog with core-api's rules.
import {
  CartDto,
  CustomerDto,
  MAX_LINE_QUANTITY,
  OrderDto,
  OrderPageDto,
  SHIPPING_METHODS,
  ShippingMethod,
  ShippingQuoteDto,
} from '@bff/core-contracts';
import {
  existing,
  fakeInventory,
  fakeSummary,
  FakeProblem,
  notFound,
  pageOf,
} from './fake-catalog';

export interface DemoCustomer {
  customer: CustomerDto;
  password: string;
}

/** The demo accounts core-api seeds (apps/core-api/src/database/seed/demo-customers.ts). */
export const ADA: DemoCustomer = {
  customer: { id: 1, email: 'ada@example.com', displayName: 'Ada' },
  password: 'storefront-demo-ada',
};
export const GRACE: DemoCustomer = {
  customer: { id: 2, email: 'grace@example.com', displayName: 'Grace' },
  password: 'storefront-demo-grace',
};
export const DEMO_CUSTOMERS = [ADA, GRACE];

/** What a BFF sends core-api when Ada has signed in at the identity provider. */
export const ADA_SIGNED_IN = {
  subject: 'ada-at-the-provider',
  email: ADA.customer.email,
  displayName: ADA.customer.displayName,
  emailVerified: true,
};

/**
 * core-api's `POST /customers/link`, for the demo customers: a demo address (verified, or its
 * subject seen before) is that customer; any other subject is refused with 409, the answer
 * core-api gives for an address it will not link. Field checks as core-api's DTO makes them.
 */
export function linkCustomer(body: Record<string, unknown>): CustomerDto {
  const { subject, email, displayName, emailVerified } = body;
  const bad = [
    typeof subject === 'string' && /^[\x21-\x7E]{1,255}$/.test(subject) ? undefined : 'subject',
    typeof email === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? undefined : 'email',
    typeof displayName === 'string' && displayName.length > 0 ? undefined : 'displayName',
    typeof emailVerified === 'boolean' ? undefined : 'emailVerified',
    ...Object.keys(body).filter(
      (k) => !['subject', 'email', 'displayName', 'emailVerified'].includes(k),
    ),
  ].filter((field): field is string => field !== undefined);
  if (bad.length > 0) {
    const errors = bad.map((field) => ({ field, in: 'body', messages: [`${field} is invalid`] }));
    throw new FakeProblem(400, 'validation_failed', `${bad.join(', ')}: invalid`, errors);
  }
  const demo = DEMO_CUSTOMERS.find((d) => d.customer.email === String(email).toLowerCase());
  if (!demo || emailVerified !== true) {
    throw new FakeProblem(409, 'email_not_verified', 'The fake links only the demo customers.');
  }
  return demo.customer;
}

export function customerById(id: number): CustomerDto {
  const demo = DEMO_CUSTOMERS.find((d) => d.customer.id === id);
  if (!demo) throw notFound('customer', id);
  return demo.customer;
}

const SHIPPING_RATES: Record<ShippingMethod, number> = { standard: 495, express: 1495 };
const FREE_STANDARD_SHIPPING_FROM = 5000;
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const shippingCost = (method: ShippingMethod, subtotalMinor: number) =>
  method === 'standard' && subtotalMinor >= FREE_STANDARD_SHIPPING_FROM
    ? 0
    : SHIPPING_RATES[method];
const shippingQuotes = (subtotalMinor: number): ShippingQuoteDto[] =>
  SHIPPING_METHODS.map((method) => ({
    method,
    cost: eur(shippingCost(method, subtotalMinor)),
    freeFrom: method === 'standard' ? eur(FREE_STANDARD_SHIPPING_FROM) : null,
  }));

/** Carts and orders per customer id. Tests may fill them directly, e.g. `shop.setItem(1, 2, 1)`. */
export class FakeShop {
  private readonly carts = new Map<number, { id: number; lines: Map<number, number> }>();
  /** Newest first. */
  private readonly orders = new Map<number, OrderDto[]>();
  private readonly byIdempotencyKey = new Map<string, OrderDto>();
  private lastCartId = 0;
  private lastOrderId = 0;

  /** The open cart, with current prices and stock; id null until the first item is added. */
  cart(customerId: number): CartDto {
    const cart = this.carts.get(customerId);
    const items = [...(cart?.lines ?? [])].map(([productId, quantity]) => {
      const { name, price } = fakeSummary(productId);
      const lineTotal = eur(price.amountMinor * quantity);
      const available = fakeInventory(productId).total;
      return { productId, name, unitPrice: price, quantity, lineTotal, available };
    });
    const subtotalMinor = items.reduce((sum, line) => sum + line.lineTotal.amountMinor, 0);
    return {
      id: cart?.id ?? null,
      items,
      itemCount: items.reduce((n, line) => n + line.quantity, 0),
      subtotal: eur(subtotalMinor),
      shipping: shippingQuotes(subtotalMinor),
    };
  }

  setItem(customerId: number, productId: number, quantity: unknown): CartDto {
    existing(productId);
    if (
      !Number.isInteger(quantity) ||
      (quantity as number) < 1 ||
      (quantity as number) > MAX_LINE_QUANTITY
    ) {
      throw new FakeProblem(400, 'validation_failed', `quantity must be 1 to ${MAX_LINE_QUANTITY}`);
    }
    let cart = this.carts.get(customerId);
    if (!cart) this.carts.set(customerId, (cart = { id: ++this.lastCartId, lines: new Map() }));
    cart.lines.set(productId, quantity as number);
    return this.cart(customerId);
  }

  /** Removing a line that is not there is not an error. */
  removeItem(customerId: number, productId: number): CartDto {
    this.carts.get(customerId)?.lines.delete(productId);
    return this.cart(customerId);
  }

  /** Turns the cart into an order; the same key again answers the same order. */
  placeOrder(
    customerId: number,
    idempotencyKey: string,
    shipping: ShippingMethod = 'standard',
  ): OrderDto {
    const replay = this.byIdempotencyKey.get(`${customerId}:${idempotencyKey}`);
    if (replay) return replay;
    const { items, subtotal } = this.cart(customerId);
    if (!items.length)
      throw new FakeProblem(409, 'cart_empty', 'There is nothing in the cart to order.');
    if (items.some((line) => line.quantity > line.available)) {
      throw new FakeProblem(
        409,
        'insufficient_stock',
        'Not enough stock for every item in the cart; nothing was ordered.',
      );
    }
    const cost = eur(shippingCost(shipping, subtotal.amountMinor));
    const id = ++this.lastOrderId;
    const order: OrderDto = {
      id,
      status: 'placed',
      shipping,
      lines: items.map(({ productId, name, unitPrice, quantity, lineTotal }) => ({
        productId,
        name,
        unitPrice,
        quantity,
        lineTotal,
      })),
      subtotal,
      shippingCost: cost,
      total: eur(subtotal.amountMinor + cost.amountMinor),
      // Order n was placed n - 1 minutes after 2026-01-01T00:00Z.
      createdAt: new Date(Date.UTC(2026, 0, 1) + (id - 1) * 60_000).toISOString(),
    };
    this.orders.set(customerId, [order, ...(this.orders.get(customerId) ?? [])]);
    this.byIdempotencyKey.set(`${customerId}:${idempotencyKey}`, order);
    this.carts.delete(customerId);
    return order;
  }

  orderPage(customerId: number, query: URLSearchParams): OrderPageDto {
    return pageOf(this.orders.get(customerId) ?? [], query, 20);
  }

  /** Another customer's order is a 404, as if it did not exist. */
  order(customerId: number, orderId: number): OrderDto {
    const order = this.orders.get(customerId)?.find((o) => o.id === orderId);
    if (!order) throw notFound('order', orderId);
    return order;
  }
}
