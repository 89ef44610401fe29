import { HttpService } from '@nestjs/axios';
import {
  CartDto,
  CategoryFacetsDto,
  CategoryListDto,
  CreateOrderDto,
  CustomerDto,
  InventoryDto,
  InventoryListDto,
  OrderDto,
  OrderPageDto,
  ProductDto,
  ProductListDto,
  ProductListQueryDto,
  RatingSummaryDto,
  RatingSummaryListDto,
  RelatedProductsDto,
  ReviewPageDto,
  VerifiedCustomerDto,
} from '@bff/core-contracts';
import { ServiceTokenSigner } from '@bff/platform-auth';
import { AxiosRequestConfig } from 'axios';
import { CallRunnerOptions, CoreCallRunner, OnBehalfOf } from './core-call.runner';
import { AnswerOf, Operation } from './operations';

export interface ReviewsPageQuery {
  limit?: number;
  cursor?: string;
}

/**
 * core-api's endpoints as typed methods. A BFF calls these and shapes the results; it never
 * builds a core-api URL or a token itself. Every call carries a service token naming this BFF
 * and, where it matters, the customer. Every call runs under the resilience policies of
 * docs/adr/0007-resilience.md. Every failure arrives as a problem the BFF can answer with (404
 * passes through, an unreachable or failing core-api is 503, a slow one 504, anything else 502).
 */
export class CoreApiClient {
  /** The one path every method below goes through (cache, coalescing, policies, contract check). */
  readonly runner: CoreCallRunner;

  constructor(http: HttpService, signer: ServiceTokenSigner, options: CallRunnerOptions = {}) {
    this.runner = new CoreCallRunner(http, signer, options);
  }

  // Catalog: public data, read anonymously.
  getProduct(id: number): Promise<ProductDto> {
    return this.call('getProduct', { method: 'GET', url: `/products/${id}` });
  }

  listProducts(query: Omit<ProductListQueryDto, 'ids'>): Promise<ProductListDto> {
    return this.call('listProducts', { method: 'GET', url: '/products', params: query });
  }

  getProducts(ids: number[]): Promise<ProductListDto> {
    return this.call('getProducts', {
      method: 'GET',
      url: '/products',
      params: { ids: ids.join(',') },
    });
  }

  getCategories(): Promise<CategoryListDto> {
    return this.call('getCategories', { method: 'GET', url: '/categories' });
  }

  getReviews(productId: number, query: ReviewsPageQuery = {}): Promise<ReviewPageDto> {
    return this.call('getReviews', {
      method: 'GET',
      url: `/products/${productId}/reviews`,
      params: query,
    });
  }

  getRatingSummary(productId: number): Promise<RatingSummaryDto> {
    return this.call('getRatingSummary', {
      method: 'GET',
      url: `/products/${productId}/reviews/summary`,
    });
  }

  getRatingSummaries(productIds: number[]): Promise<RatingSummaryListDto> {
    return this.call('getRatingSummaries', {
      method: 'GET',
      url: '/reviews/summaries',
      params: { productIds: productIds.join(',') },
    });
  }

  getRelated(productId: number, limit?: number): Promise<RelatedProductsDto> {
    return this.call('getRelated', {
      method: 'GET',
      url: `/products/${productId}/related`,
      params: { limit },
    });
  }

  getInventory(productId: number): Promise<InventoryDto> {
    return this.call('getInventory', { method: 'GET', url: `/inventory/${productId}` });
  }

  getInventories(productIds: number[]): Promise<InventoryListDto> {
    return this.call('getInventories', {
      method: 'GET',
      url: '/inventory',
      params: { productIds: productIds.join(',') },
    });
  }

  // Customers: credentials are checked anonymously; the rest is on behalf of the customer.
  verifyCredentials(email: string, password: string): Promise<VerifiedCustomerDto> {
    return this.call('verifyCredentials', {
      method: 'POST',
      url: '/auth/verify',
      data: { email, password },
    });
  }

  getCustomer(customerId: number): Promise<CustomerDto> {
    return this.call('getCustomer', { method: 'GET', url: '/customers/me' }, customerId);
  }

  getCart(customerId: number): Promise<CartDto> {
    return this.call('getCart', { method: 'GET', url: '/carts/me' }, customerId);
  }

  setCartItem(customerId: number, productId: number, quantity: number): Promise<CartDto> {
    return this.call(
      'setCartItem',
      { method: 'PUT', url: `/carts/me/items/${productId}`, data: { quantity } },
      customerId,
    );
  }

  removeCartItem(customerId: number, productId: number): Promise<CartDto> {
    return this.call(
      'removeCartItem',
      { method: 'DELETE', url: `/carts/me/items/${productId}` },
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
        url: '/orders',
        data: body,
        headers: { 'idempotency-key': idempotencyKey },
      },
      customerId,
    );
  }

  listOrders(
    customerId: number,
    query: { limit?: number; cursor?: string } = {},
  ): Promise<OrderPageDto> {
    return this.call('listOrders', { method: 'GET', url: '/orders', params: query }, customerId);
  }

  getOrder(customerId: number, orderId: number): Promise<OrderDto> {
    return this.call('getOrder', { method: 'GET', url: `/orders/${orderId}` }, customerId);
  }

  /** A category's brands with counts and its price range, over all its products (404: unknown slug). */
  getCategoryFacets(slug: string): Promise<CategoryFacetsDto> {
    return this.call('getCategoryFacets', {
      method: 'GET',
      url: `/categories/${encodeURIComponent(slug)}/facets`,
    });
  }

  private call<O extends Operation>(
    operation: O,
    request: AxiosRequestConfig,
    onBehalfOf: OnBehalfOf = null,
  ): Promise<AnswerOf<O>> {
    return this.runner.call(operation, request, onBehalfOf);
  }
}
