import {
  CartDto,
  CategoryFacetsDto,
  CategoryListDto,
  CreateOrderDto,
  CustomerDto,
  InventoryDto,
  InventoryListDto,
  LinkCustomerDto,
  OrderDto,
  OrderPageDto,
  ProductDto,
  ProductListDto,
  ProductListQueryDto,
  RatingSummaryDto,
  RatingSummaryListDto,
  RelatedProductsDto,
  ReviewPageDto,
} from '@bff/core-contracts';
import { ServiceTokenSigner } from '@bff/platform-auth';
import { CallRunnerOptions, CoreCallRunner, OnBehalfOf } from './core-call.runner';
import { AnswerOf, Operation } from './operations';
import { CoreRequest } from './transport/core-request';
import { CoreTransport } from './transport/core-transport';

export type ReviewsPageQuery = {
  limit?: number;
  cursor?: string;
};

/**
 * core-api's endpoints as typed methods. A BFF calls these and shapes the results; it never
 * builds a core-api URL or a token itself. Every call carries a service token naming this BFF
 * and, where it matters, the customer. Every call runs under the resilience policies of
 * docs/adr/0006-resilience.md. Every failure arrives as a problem the BFF can answer with (404
 * passes through, an unreachable or failing core-api is 503, a slow one 504, anything else 502).
 */
export class CoreApiClient {
  /** The one path every method below goes through (cache, coalescing, policies, contract check). */
  readonly runner: CoreCallRunner;

  constructor(
    transport: CoreTransport,
    signer: ServiceTokenSigner,
    options: CallRunnerOptions = {},
  ) {
    this.runner = new CoreCallRunner(transport, signer, options);
  }

  // Catalog: public data, read anonymously.
  getProduct(id: number): Promise<ProductDto> {
    return this.call('getProduct', { method: 'GET', path: `/products/${id}` });
  }

  listProducts(query: Omit<ProductListQueryDto, 'ids'>): Promise<ProductListDto> {
    return this.call('listProducts', { method: 'GET', path: '/products', query });
  }

  getProducts(ids: number[]): Promise<ProductListDto> {
    return this.call('getProducts', {
      method: 'GET',
      path: '/products',
      query: { ids: ids.join(',') },
    });
  }

  getCategories(): Promise<CategoryListDto> {
    return this.call('getCategories', { method: 'GET', path: '/categories' });
  }

  getReviews(productId: number, query: ReviewsPageQuery = {}): Promise<ReviewPageDto> {
    return this.call('getReviews', {
      method: 'GET',
      path: `/products/${productId}/reviews`,
      query,
    });
  }

  getRatingSummary(productId: number): Promise<RatingSummaryDto> {
    return this.call('getRatingSummary', {
      method: 'GET',
      path: `/products/${productId}/reviews/summary`,
    });
  }

  getRatingSummaries(productIds: number[]): Promise<RatingSummaryListDto> {
    return this.call('getRatingSummaries', {
      method: 'GET',
      path: '/reviews/summaries',
      query: { productIds: productIds.join(',') },
    });
  }

  getRelated(productId: number, limit?: number): Promise<RelatedProductsDto> {
    return this.call('getRelated', {
      method: 'GET',
      path: `/products/${productId}/related`,
      query: { limit },
    });
  }

  getInventory(productId: number): Promise<InventoryDto> {
    return this.call('getInventory', { method: 'GET', path: `/inventory/${productId}` });
  }

  getInventories(productIds: number[]): Promise<InventoryListDto> {
    return this.call('getInventories', {
      method: 'GET',
      path: '/inventory',
      query: { productIds: productIds.join(',') },
    });
  }

  // Customers: who signed in at the identity provider is linked anonymously, once per sign-in;
  // the rest is on behalf of the customer.
  linkCustomer(link: LinkCustomerDto): Promise<CustomerDto> {
    return this.call('linkCustomer', { method: 'POST', path: '/customers/link', body: link });
  }

  getCustomer(customerId: number): Promise<CustomerDto> {
    return this.call('getCustomer', { method: 'GET', path: '/customers/me' }, customerId);
  }

  getCart(customerId: number): Promise<CartDto> {
    return this.call('getCart', { method: 'GET', path: '/carts/me' }, customerId);
  }

  setCartItem(customerId: number, productId: number, quantity: number): Promise<CartDto> {
    return this.call(
      'setCartItem',
      { method: 'PUT', path: `/carts/me/items/${productId}`, body: { quantity } },
      customerId,
    );
  }

  removeCartItem(customerId: number, productId: number): Promise<CartDto> {
    return this.call(
      'removeCartItem',
      { method: 'DELETE', path: `/carts/me/items/${productId}` },
      customerId,
    );
  }

  /**
   * Places the order from the customer's cart under `idempotencyKey`: a repeat with the same key
   * gets the same order, never a second one. While the first is still running core-api answers
   * 409 `request_in_flight`; the call asks again within its own retries and deadline (after
   * `IN_FLIGHT_POLL_MS`, then twice as long each time), and when those run out passes the 409 on:
   * the client may repeat the checkout with the same key and gets the order once it is placed.
   */
  placeOrder(
    customerId: number,
    idempotencyKey: string,
    body: CreateOrderDto = {},
  ): Promise<OrderDto> {
    return this.call(
      'placeOrder',
      {
        method: 'POST',
        path: '/orders',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      },
      customerId,
    );
  }

  listOrders(
    customerId: number,
    query: { limit?: number; cursor?: string } = {},
  ): Promise<OrderPageDto> {
    return this.call('listOrders', { method: 'GET', path: '/orders', query }, customerId);
  }

  getOrder(customerId: number, orderId: number): Promise<OrderDto> {
    return this.call('getOrder', { method: 'GET', path: `/orders/${orderId}` }, customerId);
  }

  /** A category's brands with counts and its price range, over all its products (404: unknown slug). */
  getCategoryFacets(slug: string): Promise<CategoryFacetsDto> {
    return this.call('getCategoryFacets', {
      method: 'GET',
      path: `/categories/${encodeURIComponent(slug)}/facets`,
    });
  }

  private call<O extends Operation>(
    operation: O,
    request: CoreRequest,
    onBehalfOf: OnBehalfOf = null,
  ): Promise<AnswerOf<O>> {
    return this.runner.call(operation, request, onBehalfOf);
  }
}
