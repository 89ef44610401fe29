import { Check, Checked, isObject } from './contracts/checks';
import { CONTRACTS } from './contracts/response-contracts';

/**
 * Downstream groups: each is one dependency behind core-api, with its own circuit breaker and
 * bulkhead, so a failing or slow one cannot take the others down with it.
 */
export type OperationGroup = 'catalog' | 'reviews' | 'inventory' | 'customers' | 'carts' | 'orders';

/** Statuses of core-api that may be the end user's answer rather than a fault between services. */
export type DomainStatus = 400 | 401 | 409 | 422;

/** Everything core-client knows about one core-api operation. */
export interface OperationSpec {
  group: OperationGroup;
  /** What a usable answer is; anything else is a 502 `core_api_bad_response`. */
  contract: Check<object>;
  /** How long a public read stays cached by default; absent: never cached. */
  cacheTtlMs?: number;
  /**
   * core-api's answers that are the end user's business, passed through to the BFF's client
   * (404 always is). 401/409/422 keep core-api's code and sentence. 400 is the caller's only when
   * core-api's `errors` name one of `callerFields` (input that comes from the end user's request,
   * under the same name in the BFFs' APIs): it is answered as 400 `validation_failed` listing those
   * fields only. Any other 400 means the BFF built a bad request: 502, our bug.
   */
  domainAnswers?: readonly DomainStatus[];
  callerFields?: readonly string[];
}

const PAGE = ['limit', 'cursor'] as const;

/**
 * The one table of core-api operations. Every lookup reads it: downstream groups, answer
 * contracts, default cache TTLs, domain answers, the names `CORE_API_OPERATIONS` accepts. A
 * `CoreApiClient` method calls `runner.call('<name>', …)` with a key of this table and returns the
 * type its contract proves, so an operation without a contract does not compile.
 */
export const OPERATIONS = {
  getProduct: { group: 'catalog', contract: CONTRACTS.product, cacheTtlMs: 30_000 },
  listProducts: {
    group: 'catalog',
    contract: CONTRACTS.productList,
    domainAnswers: [400],
    callerFields: ['q', 'brand', 'minPrice', 'maxPrice', 'sort', ...PAGE],
  },
  getProducts: { group: 'catalog', contract: CONTRACTS.productList },
  getCategories: { group: 'catalog', contract: CONTRACTS.categoryList, cacheTtlMs: 300_000 },
  getCategoryFacets: { group: 'catalog', contract: CONTRACTS.categoryFacets },
  getRelated: { group: 'catalog', contract: CONTRACTS.related, cacheTtlMs: 60_000 },
  // Only the first page, of a size the BFF chooses: a 400 would be the BFF's own bug.
  getReviews: { group: 'reviews', contract: CONTRACTS.reviewPage, cacheTtlMs: 15_000 },
  getRatingSummary: { group: 'reviews', contract: CONTRACTS.ratingSummary, cacheTtlMs: 30_000 },
  getRatingSummaries: { group: 'reviews', contract: CONTRACTS.ratingSummaryList },
  getInventory: { group: 'inventory', contract: CONTRACTS.inventory },
  getInventories: { group: 'inventory', contract: CONTRACTS.inventoryList },
  // The claims come from the provider's token: a 400 is the provider's odd claim, a 409 an
  // address another customer signs in with. Neither is retried.
  linkCustomer: {
    group: 'customers',
    contract: CONTRACTS.customer,
    domainAnswers: [400, 409],
    callerFields: ['subject', 'email', 'displayName', 'emailVerified'],
  },
  getCustomer: { group: 'customers', contract: CONTRACTS.customer },
  getCart: { group: 'carts', contract: CONTRACTS.cart },
  setCartItem: {
    group: 'carts',
    contract: CONTRACTS.cart,
    domainAnswers: [400],
    callerFields: ['quantity'],
  },
  removeCartItem: { group: 'carts', contract: CONTRACTS.cart },
  placeOrder: {
    group: 'orders',
    contract: CONTRACTS.order,
    domainAnswers: [400, 409, 422],
    callerFields: ['shipping'],
  },
  listOrders: {
    group: 'orders',
    contract: CONTRACTS.orderPage,
    domainAnswers: [400],
    callerFields: PAGE,
  },
  getOrder: { group: 'orders', contract: CONTRACTS.order },
} as const satisfies Record<string, OperationSpec>;

export type Operation = keyof typeof OPERATIONS;

/** The DTO an operation answers with, as its contract proves it. */
export type AnswerOf<O extends Operation> = Checked<(typeof OPERATIONS)[O]['contract']>;

const SPECS: Readonly<Record<Operation, OperationSpec>> = OPERATIONS;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as Operation[];

export const isOperation = (name: string): name is Operation => Object.hasOwn(OPERATIONS, name);

export const groupOf = (operation: Operation): OperationGroup => SPECS[operation].group;

/**
 * Answers already proven, by identity, with the operation they were proven for. The runner asks
 * again about the very object a cache hit or a coalesced call hands back (to type it); that
 * second question costs a lookup, not another walk of the whole answer. An object read back from
 * Redis is a new one, so it is checked in full.
 */
const PROVEN = new WeakMap<object, Operation>();

/** Whether `value` is a usable answer to `operation`. */
export function satisfiesContract<O extends Operation>(
  operation: O,
  value: unknown,
): value is AnswerOf<O> {
  if (!isObject(value)) return false;
  if (PROVEN.get(value) === operation) return true;
  if (!SPECS[operation].contract(value)) return false;
  PROVEN.set(value, operation);
  return true;
}

/** The default cache TTLs: the operations that have one. */
export const DEFAULT_CACHE_TTLS: Readonly<Partial<Record<Operation, number>>> = Object.fromEntries(
  OPERATION_NAMES.flatMap((name) => {
    const ttl = SPECS[name].cacheTtlMs;
    return ttl === undefined ? [] : [[name, ttl]];
  }),
);

export const isDomainAnswer = (operation: Operation, status: number): boolean =>
  (SPECS[operation].domainAnswers as readonly number[] | undefined)?.includes(status) ?? false;

export const callerFieldsOf = (operation: Operation): readonly string[] =>
  SPECS[operation].callerFields ?? [];
