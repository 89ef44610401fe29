// The personal interactions of core-client's operations: the customer's link, cart and orders,
// each made on behalf of one customer (the service token's subject).
import type { LinkCustomerDto, ShippingMethod } from '@bff/core-contracts';
import { aCart, anOrder } from '../core-api-fixtures';
import { CoreInteraction } from './core-interaction';
import { JSON_TYPE, Matchers as M, problem, shapeOf } from './shape';

const ok = (body: unknown, status = 200) => ({
  status,
  headers: { 'Content-Type': JSON_TYPE },
  body,
});
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
/** A cart's two quotes: standard (free from a subtotal) and express (never free). */
const cartBody = () => {
  const { shipping: _, ...rest } = aCart();
  return {
    ...(shapeOf(rest) as object),
    shipping: [
      { ...(shapeOf({ cost: eur(495), freeFrom: eur(5000) }) as object), method: 'standard' },
      { ...(shapeOf({ cost: eur(1495) }) as object), method: 'express', freeFrom: null },
    ],
  };
};
const orderBody = () => ({ ...(shapeOf(anOrder()) as object), status: 'placed' });
const KEY = '^[A-Za-z0-9_-]{8,128}$';

export const linkCustomer = (link: LinkCustomerDto): CoreInteraction => ({
  description: 'a sign-in linking the provider’s subject to a customer',
  states: [
    {
      name: 'no customer has another subject with this e-mail address',
      params: { email: link.email, subject: link.subject },
    },
  ],
  onBehalfOf: null,
  request: { method: 'POST', path: '/customers/link', body: link },
  response: ok(shapeOf({ id: 3, email: link.email, displayName: link.displayName })),
  call: (client) => client.linkCustomer(link),
});

const cartState = (customerId: number, productId: number, quantity = 1) => ({
  name: 'customer has a cart with product',
  params: { customerId, productId, quantity },
});

export const getCart = (customerId: number): CoreInteraction => ({
  description: `a request for customer ${customerId}'s cart`,
  states: [cartState(customerId, 2)],
  onBehalfOf: customerId,
  request: { method: 'GET', path: '/carts/me' },
  response: ok(cartBody()),
  call: (client) => client.getCart(customerId),
});

export const setCartItem = (
  customerId: number,
  productId: number,
  quantity: number,
): CoreInteraction => ({
  description: `setting product ${productId} to ${quantity} in customer ${customerId}'s cart`,
  states: [
    { name: 'customer exists', params: { customerId } },
    { name: 'product is in stock', params: { id: productId } },
  ],
  onBehalfOf: customerId,
  request: { method: 'PUT', path: `/carts/me/items/${productId}`, body: { quantity } },
  response: ok(cartBody()),
  call: (client) => client.setCartItem(customerId, productId, quantity),
});

export const removeCartItem = (customerId: number, productId: number): CoreInteraction => ({
  description: `removing product ${productId} from customer ${customerId}'s cart`,
  // Another line stays, so the answer is a cart with items.
  states: [cartState(customerId, productId), cartState(customerId, productId + 1)],
  onBehalfOf: customerId,
  request: { method: 'DELETE', path: `/carts/me/items/${productId}` },
  response: ok(cartBody()),
  call: (client) => client.removeCartItem(customerId, productId),
});

/**
 * POST /orders with an Idempotency-Key: any key of the allowed shape (`example`, the one the
 * verifier sends, differs per interaction so that none replays another), or exactly `key`.
 */
const placeRequest = (
  key: { example: string } | { exactly: string },
  shipping: ShippingMethod,
) => ({
  method: 'POST' as const,
  path: '/orders',
  headers: { 'idempotency-key': 'exactly' in key ? key.exactly : M.regex(KEY, key.example) },
  body: { shipping },
});
export const placeOrder = (customerId: number, shipping: ShippingMethod): CoreInteraction => ({
  description: `customer ${customerId} placing an order (${shipping} shipping)`,
  states: [cartState(customerId, 2)],
  onBehalfOf: customerId,
  request: placeRequest({ example: `checkout-${shipping}-example` }, shipping),
  response: ok(orderBody(), 201),
  call: (client) => client.placeOrder(customerId, `checkout-${shipping}-example`, { shipping }),
});

export const replayOrder = (customerId: number, key: string): CoreInteraction => ({
  description: `customer ${customerId} repeating a checkout with the same idempotency key`,
  states: [{ name: 'customer placed an order with idempotency key', params: { customerId, key } }],
  onBehalfOf: customerId,
  request: placeRequest({ exactly: key }, 'standard'),
  response: {
    ...ok(orderBody(), 201),
    headers: { 'Content-Type': JSON_TYPE, 'idempotent-replayed': 'true' },
  },
  call: (client) => client.placeOrder(customerId, key, { shipping: 'standard' }),
});

export const placeOrderFromEmptyCart = (customerId: number): CoreInteraction => ({
  description: `customer ${customerId} placing an order with an empty cart`,
  states: [{ name: 'customer has an empty cart', params: { customerId } }],
  onBehalfOf: customerId,
  request: placeRequest({ example: 'checkout-empty-cart-example' }, 'standard'),
  response: problem(409, 'cart_empty', 'There is nothing in the cart to order.'),
  call: (client) =>
    client.placeOrder(customerId, 'checkout-empty-cart-example', { shipping: 'standard' }),
  fails: { status: 409, code: 'cart_empty' },
});

export const placeOrderShortOfStock = (customerId: number): CoreInteraction => ({
  description: `customer ${customerId} placing an order for more than is in stock`,
  states: [
    {
      name: 'customer has a cart with more of a product than is in stock',
      params: { customerId, productId: 2 },
    },
  ],
  onBehalfOf: customerId,
  request: placeRequest({ example: 'checkout-short-of-stock-example' }, 'standard'),
  response: problem(
    409,
    'insufficient_stock',
    'Not enough stock for every item in the cart; nothing was ordered.',
  ),
  call: (client) =>
    client.placeOrder(customerId, 'checkout-short-of-stock-example', { shipping: 'standard' }),
  fails: { status: 409, code: 'insufficient_stock' },
});

export const listOrders = (customerId: number, limit: number): CoreInteraction => ({
  description: `a request for customer ${customerId}'s first ${limit} orders`,
  states: [{ name: 'customer has more orders than one page', params: { customerId, limit } }],
  onBehalfOf: customerId,
  request: { method: 'GET', path: '/orders', query: { limit: `${limit}` } },
  response: ok(shapeOf({ items: [anOrder()], nextCursor: 'opaque-cursor' })),
  call: (client) => client.listOrders(customerId, { limit }),
});

export const getOrder = (customerId: number): CoreInteraction => ({
  description: `a request for one of customer ${customerId}'s orders`,
  // The state handler answers the order's id, which the verifier puts into the path.
  states: [{ name: 'customer has placed an order', params: { customerId } }],
  onBehalfOf: customerId,
  request: { method: 'GET', path: M.fromProviderState('/orders/${orderId}', '/orders/1') },
  response: ok(orderBody()),
  call: (client) => client.getOrder(customerId, 1),
});

export const getMissingOrder = (customerId: number, orderId: number): CoreInteraction => ({
  description: `a request for order ${orderId}, which customer ${customerId} does not have`,
  states: [{ name: 'customer exists', params: { customerId } }],
  onBehalfOf: customerId,
  request: { method: 'GET', path: `/orders/${orderId}` },
  response: problem(404, 'order_not_found', `No order has id ${orderId}.`),
  call: (client) => client.getOrder(customerId, orderId),
  fails: { status: 404, code: 'order_not_found' },
});
