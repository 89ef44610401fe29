import { ProblemException } from '@bff/platform-problem';
import {
  categoryFacets,
  categoryList,
  fakeInventory,
  fakeProduct,
  fakeRatingSummary,
  listProducts,
  relatedTo,
  reviewPage,
} from '../testing/fake-catalog';
import { ADA, ADA_SIGNED_IN, FakeShop } from '../testing/fake-shop';
import { json } from '../testing/stub-server';
import { useStubCoreApi } from '../testing/test-client';
import { CoreApiClient } from './core-api.client';
import { CoreCallRunner } from './core-call.runner';
import { DownstreamBadResponseProblem } from './errors/downstream-errors';
import {
  OPERATION_NAMES,
  Operation,
  OperationSpec,
  isOperation,
  satisfiesContract,
} from './operations';

const query = (text = '') => new URLSearchParams(text);
const shop = new FakeShop();
const cart = shop.setItem(ADA.customer.id, 2, 1);
const order = shop.placeOrder(ADA.customer.id, 'k');

/** A copy of `value` with the property at `path` (dotted) set to `to`, or removed when `to` is omitted. */
function changed(value: unknown, path: string, ...to: [unknown?]): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce<Record<string, unknown>>(
    (node, key) => node[key] as Record<string, unknown>,
    copy,
  );
  if (to.length) parent[last] = to[0];
  else delete parent[last];
  return copy;
}

interface Case {
  /** Calls the operation through CoreApiClient. */
  call: (c: CoreApiClient) => Promise<unknown>;
  /** An answer core-api really gives (from the fake core-api's data). */
  valid: unknown;
  /** Malformed answers, by what is wrong with them (besides the non-objects every operation gets). */
  malformed: Record<string, unknown>;
}

/** Every operation, with its malformed answers: a new operation without them does not compile. */
const CASES: Record<Operation, Case> = (() => {
  const product = fakeProduct(1);
  const list = listProducts(query('limit=2'));
  const summaries = { items: [fakeRatingSummary(1)] };
  const inventories = { items: [fakeInventory(1)] };
  const orders = { items: [order], nextCursor: null };
  return {
    getProduct: {
      call: (c) => c.getProduct(1),
      valid: product,
      malformed: {
        'a price in a string': changed(product, 'price.amountMinor', '5099'),
        'no images': changed(product, 'images'),
        'a string id': changed(product, 'id', '1'),
      },
    },
    listProducts: {
      call: (c) => c.listProducts({ limit: 2 }),
      valid: list,
      malformed: {
        'a string item id': changed(list, 'items.0.id', '1'),
        'no nextCursor': changed(list, 'nextCursor'),
      },
    },
    getProducts: {
      call: (c) => c.getProducts([1, 2]),
      valid: list,
      malformed: {
        'a null price': changed(list, 'items.0.price', null),
        'no items': changed(list, 'items'),
      },
    },
    getCategories: {
      call: (c) => c.getCategories(),
      valid: categoryList(),
      malformed: { 'a numeric slug': changed(categoryList(), 'items.0.slug', 7), 'no items': {} },
    },
    getCategoryFacets: {
      call: (c) => c.getCategoryFacets('kitchen'),
      valid: categoryFacets('kitchen'),
      malformed: {
        'brands that are not a list': changed(categoryFacets('kitchen'), 'brands', {}),
        'no priceRange': changed(categoryFacets('kitchen'), 'priceRange'),
      },
    },
    getRelated: {
      call: (c) => c.getRelated(1, 2),
      valid: relatedTo(1, query('limit=2')),
      malformed: {
        'a null image url': changed(relatedTo(1, query('limit=2')), 'items.0.images.0.url', null),
        'no items': changed(relatedTo(1, query('limit=2')), 'items'),
      },
    },
    getReviews: {
      call: (c) => c.getReviews(1),
      valid: reviewPage(1, query()),
      malformed: {
        'a rating of 6': changed(reviewPage(1, query()), 'items.0.rating', 6),
        'no nextCursor': changed(reviewPage(1, query()), 'nextCursor'),
      },
    },
    getRatingSummary: {
      call: (c) => c.getRatingSummary(1),
      valid: fakeRatingSummary(1),
      malformed: {
        'an average in a string': changed(fakeRatingSummary(1), 'average', '4.75'),
        'no histogram': changed(fakeRatingSummary(1), 'histogram'),
      },
    },
    getRatingSummaries: {
      call: (c) => c.getRatingSummaries([1]),
      valid: summaries,
      malformed: { 'a negative count': changed(summaries, 'items.0.count', -1), 'no items': {} },
    },
    getInventory: {
      call: (c) => c.getInventory(1),
      valid: fakeInventory(1),
      malformed: {
        'a total in a string': changed(fakeInventory(1), 'total', '3'),
        'no warehouses': changed(fakeInventory(1), 'warehouses'),
      },
    },
    getInventories: {
      call: (c) => c.getInventories([1]),
      valid: inventories,
      malformed: {
        'a fractional quantity': changed(inventories, 'items.0.warehouses.0.quantity', 1.5),
        'no items': {},
      },
    },
    linkCustomer: {
      call: (c) => c.linkCustomer(ADA_SIGNED_IN),
      valid: ADA.customer,
      malformed: {
        'customer id "x" and a numeric email': { id: 'x', email: 5 },
        'customer id "x"': { ...ADA.customer, id: 'x' },
        'customer id 0': { ...ADA.customer, id: 0 },
        'customer id "1" (a string)': { ...ADA.customer, id: '1' },
        'a numeric email': { ...ADA.customer, email: 5 },
        'an empty object': {},
      },
    },
    getCustomer: {
      call: (c) => c.getCustomer(1),
      valid: ADA.customer,
      malformed: {
        'a string id': { ...ADA.customer, id: '1' },
        'no email': changed(ADA.customer, 'email'),
      },
    },
    getCart: {
      call: (c) => c.getCart(1),
      valid: cart,
      malformed: {
        'a quantity in a string': changed(cart, 'items.0.quantity', '1'),
        'no subtotal': changed(cart, 'subtotal'),
      },
    },
    setCartItem: {
      call: (c) => c.setCartItem(1, 2, 1),
      valid: cart,
      malformed: {
        'a lower-case currency': changed(cart, 'subtotal.currency', 'eur'),
        'no items': changed(cart, 'items'),
      },
    },
    removeCartItem: {
      call: (c) => c.removeCartItem(1, 2),
      valid: cart,
      malformed: {
        'a null itemCount': changed(cart, 'itemCount', null),
        'no itemCount': changed(cart, 'itemCount'),
      },
    },
    placeOrder: {
      call: (c) => c.placeOrder(1, 'key'),
      valid: order,
      malformed: {
        'a string id': changed(order, 'id', '1'),
        'an unknown status': changed(order, 'status', 'cancelled'),
        'no total': changed(order, 'total'),
      },
    },
    listOrders: {
      call: (c) => c.listOrders(1),
      valid: orders,
      malformed: {
        'a fractional total': changed(orders, 'items.0.total.amountMinor', 1.5),
        'no items': { nextCursor: null },
      },
    },
    getOrder: {
      call: (c) => c.getOrder(1, order.id),
      valid: order,
      malformed: {
        'a line of 0 units': changed(order, 'lines.0.quantity', 0),
        'no createdAt': changed(order, 'createdAt'),
      },
    },
  };
})();

const NOT_OBJECTS: Record<string, unknown> = {
  'a list': [],
  null: null,
  'a string': 'ok',
  'a number': 1,
};

describe('OPERATIONS: the one table of core-api operations', () => {
  it('lists every CoreApiClient method, and nothing else', () => {
    const methods = Object.getOwnPropertyNames(CoreApiClient.prototype).filter(
      (name) => name !== 'constructor' && name !== 'call',
    );
    expect([...OPERATION_NAMES].sort()).toEqual(methods.sort());
  });

  it('does not compile an operation without a contract, or a call to an operation it does not list', () => {
    // @ts-expect-error: `contract` is required
    const withoutContract: OperationSpec = { group: 'catalog' };
    const compileOnly = (runner: CoreCallRunner) =>
      // @ts-expect-error: 'getWishlist' is not in OPERATIONS
      runner.call('getWishlist', { method: 'GET', path: '/wishlists/me' });
    expect(typeof compileOnly).toBe('function');
    expect(withoutContract.contract).toBeUndefined();
    expect(isOperation('getWishlist')).toBe(false);
  });

  it.each(OPERATION_NAMES)(
    // That core-api really answers so is shown by the pacts (pacts/, verified by core-api); here the
    // fake's answer is the well-formed base each malformed case below breaks in one place.
    'accepts the well-formed answer to %s that its malformed cases break',
    (operation) => {
      expect(satisfiesContract(operation, CASES[operation].valid)).toBe(true);
    },
  );

  it('walks an answer once: asking again about the same object, for the same operation, reads nothing', () => {
    let reads = 0;
    const answer = new Proxy(fakeProduct(3), {
      get: (target, property, receiver) => {
        reads++;
        return Reflect.get(target, property, receiver);
      },
    });
    expect(satisfiesContract('getProduct', answer)).toBe(true);
    const firstWalk = reads;
    expect(firstWalk).toBeGreaterThan(0);
    expect(satisfiesContract('getProduct', answer)).toBe(true);
    expect(reads).toBe(firstWalk);
    // Proven for getProduct says nothing about another operation: that one is checked in full.
    expect(satisfiesContract('getCategories', answer)).toBe(false);
    expect(reads).toBeGreaterThan(firstWalk);
  });
});

describe('every operation refuses a malformed answer with 502 core_api_bad_response (over real HTTP)', () => {
  const { stub, core } = useStubCoreApi();

  const cases = OPERATION_NAMES.flatMap((operation) =>
    Object.entries({ ...NOT_OBJECTS, ...CASES[operation].malformed }).map(
      ([what, answer]) => [operation, what, answer] as const,
    ),
  );

  /** Calls counted under each operation name in the client's metrics (what /metrics shows). */
  const counted = async () =>
    (await core.client.runner.metrics.calls.get()).values.map((v) => v.labels.operation);

  it.each(OPERATION_NAMES)(
    'answers %s with a well-formed answer (the control), run as that operation of the table',
    async (operation) => {
      const { call, valid } = CASES[operation];
      stub.handler = (_req, res) => json(res, 200, valid);
      await expect(call(core.client)).resolves.toEqual(valid);
      // The method calls the runner with its own name, so its group, contract and TTL apply.
      expect(await counted()).toEqual([operation]);
    },
  );

  it.each(cases)(
    'refuses %s answered with %s: 502, once, never the value',
    async (operation, _what, answer) => {
      stub.handler = (_req, res) => json(res, 200, answer);
      const failure = await CASES[operation].call(core.client).then(
        (value) => ({ value }),
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(DownstreamBadResponseProblem);
      expect(failure).toMatchObject({ status: 502, code: 'core_api_bad_response' });
      expect((failure as ProblemException).getStatus()).toBe(502);
      expect(stub.count()).toBe(1);
    },
  );
});
