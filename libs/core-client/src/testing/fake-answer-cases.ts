// Every kind of answer the fake core-api gives of its own accord: for each route it serves, a
// request for each status it can answer that route with. Its contract spec checks each answer
// against openapi/core-api.json. (A 401 without a service token and an anonymous visitor's 403 are
// checked on every route apart; a 500 `fake_failed` is a bug of the fake, not an answer.)
import { pageCursor } from './fake-catalog';
import { ADA, FakeShop } from './fake-shop';

/** How a case's request is sent besides its method and URL. */
export interface CaseOptions {
  /** Whose service token the request carries: a customer's id, or `anonymous` (the default). */
  as?: number | 'anonymous';
  body?: unknown;
  headers?: Record<string, string>;
  /** What the shop holds first. */
  given?: (shop: FakeShop) => void;
}

/** A request: its URL (path and query), and how it is sent when that is not plain. */
type Request = string | [url: string, options: CaseOptions];

/** A route as the fake names it (`GET /products/:id`), a URL of it, the status, how it is sent. */
export type AnswerCase = [route: string, url: string, status: number, options?: CaseOptions];

const ada = ADA.customer.id;
const cartWith = (quantity: number) => (shop: FakeShop) => shop.setItem(ada, 1, quantity);
const twoOrders = (shop: FakeShop) => {
  for (const key of ['first', 'second']) {
    shop.setItem(ada, 1, 1);
    shop.placeOrder(ada, key);
  }
};
/** A request on Ada's behalf. */
const mine = (url: string, options: CaseOptions = {}): Request => [url, { as: ada, ...options }];
/** A POST /orders of Ada's, under `key` when given, with what the shop holds first. */
const order = (body: unknown, key?: string, given?: CaseOptions['given']): Request =>
  mine('/orders', { body, headers: key ? { 'idempotency-key': key } : {}, given });
const link = (email: string, emailVerified = true): Request => [
  '/customers/link',
  { body: { subject: 'subject-1', email, displayName: 'Ada', emailVerified } },
];
const line = (productId: number, quantity: number) =>
  mine(`/carts/me/items/${productId}`, { body: { quantity } });

/** For each route the fake serves, a request for each answer it gives, by status. */
export const ANSWERS_BY_ROUTE: Record<string, Record<number, Request[]>> = {
  // The catalog: public, read with an anonymous service token.
  'GET /categories': { 200: ['/categories'] },
  'GET /categories/:slug/facets': {
    200: ['/categories/kitchen/facets'],
    404: ['/categories/garden/facets'],
  },
  'GET /products': {
    200: [
      '/products?category=kitchen&brand=fjord&maxPrice=1010&sort=price_desc&limit=3',
      '/products?q=product%202',
      `/products?limit=5&cursor=${pageCursor(20)}`,
      '/products?ids=1,2,999',
    ],
    400: ['/products?minPrice=500&maxPrice=100', '/products?cursor=not-mine'],
    404: ['/products?category=garden'],
  },
  'GET /products/:id': { 200: ['/products/1'], 404: ['/products/25'] },
  'GET /products/:id/reviews': {
    200: ['/products/1/reviews?limit=2'],
    400: ['/products/1/reviews?cursor=x'],
    404: ['/products/0/reviews'],
  },
  'GET /products/:id/reviews/summary': {
    200: ['/products/1/reviews/summary'],
    404: ['/products/99/reviews/summary'],
  },
  'GET /products/:id/related': {
    200: ['/products/1/related?limit=3'],
    404: ['/products/99/related'],
  },
  'GET /reviews/summaries': { 200: ['/reviews/summaries?productIds=1,2,999'] },
  'GET /inventory': { 200: ['/inventory?productIds=1,2,999'] },
  'GET /inventory/:productId': { 200: ['/inventory/1'], 404: ['/inventory/0'] },
  // Who signed in at the provider, linked anonymously.
  'POST /customers/link': {
    200: [link(ADA.customer.email)],
    400: [['/customers/link', { body: '{' }], link('not-an-address')],
    409: [link(ADA.customer.email, false), link('someone@example.com')],
  },
  // The customer's own, on Ada's behalf.
  'GET /customers/me': { 200: [mine('/customers/me')], 404: [mine('/customers/me', { as: 99 })] },
  'GET /carts/me': { 200: [mine('/carts/me'), mine('/carts/me', { given: cartWith(2) })] },
  'PUT /carts/me/items/:productId': { 200: [line(2, 3)], 400: [line(2, 0)], 404: [line(99, 1)] },
  'DELETE /carts/me/items/:productId': { 200: [mine('/carts/me/items/1', { given: cartWith(2) })] },
  'POST /orders': {
    // Placed, and placed again under its key.
    201: [order({ shipping: 'express' }, 'k', cartWith(2)), order({}, 'first', twoOrders)],
    // No key, or an unknown shipping method.
    400: [order({}, undefined, cartWith(1)), order({ shipping: 'drone' }, 'k', cartWith(1))],
    // An empty cart, or more than is in stock.
    409: [order({}, 'k'), order({}, 'k', cartWith(4))],
  },
  'GET /orders': {
    200: [mine('/orders'), mine('/orders?limit=1', { given: twoOrders })],
    400: [mine('/orders?cursor=x')],
  },
  'GET /orders/:id': { 200: [mine('/orders/1', { given: twoOrders })], 404: [mine('/orders/7')] },
};

export const ANSWER_CASES: AnswerCase[] = Object.entries(ANSWERS_BY_ROUTE).flatMap(
  ([route, byStatus]) =>
    Object.entries(byStatus).flatMap(([status, requests]) =>
      requests.map((request): AnswerCase => {
        const [url, options] = typeof request === 'string' ? [request, {}] : request;
        return [route, url, Number(status), options];
      }),
    ),
);
