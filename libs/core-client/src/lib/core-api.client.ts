import { HttpService } from '@nestjs/axios';
import {
  InventoryDto,
  ProductDto,
  RatingSummaryDto,
  RelatedProductsDto,
  ReviewPageDto,
} from '@bff/core-contracts';
import { firstValueFrom } from 'rxjs';
import { DownstreamBadResponseProblem, toDownstreamProblem } from './errors/downstream-errors';

export interface ReviewsPageQuery {
  limit?: number;
  cursor?: string;
}

/**
 * core-api's endpoints as typed methods. A BFF calls these and shapes the results; it never
 * builds a core-api URL itself. Every failure arrives as a problem the BFF can answer with
 * (404 passes through, an unreachable core-api is 503, a slow one 504, anything else 502).
 */
export class CoreApiClient {
  constructor(private readonly http: HttpService) {}

  getProduct(id: number): Promise<ProductDto> {
    return this.get('getProduct', `/products/${id}`);
  }

  getReviews(productId: number, query: ReviewsPageQuery = {}): Promise<ReviewPageDto> {
    return this.get('getReviews', `/products/${productId}/reviews`, query);
  }

  getRatingSummary(productId: number): Promise<RatingSummaryDto> {
    return this.get('getRatingSummary', `/products/${productId}/reviews/summary`);
  }

  getRelated(productId: number, limit?: number): Promise<RelatedProductsDto> {
    return this.get('getRelated', `/products/${productId}/related`, { limit });
  }

  getInventory(productId: number): Promise<InventoryDto> {
    return this.get('getInventory', `/inventory/${productId}`);
  }

  private async get<T>(operation: string, path: string, params?: object): Promise<T> {
    try {
      const response = await firstValueFrom(this.http.get<T>(path, { params: withoutUndefined(params) }));
      if (response.data === null || typeof response.data !== 'object') throw new DownstreamBadResponseProblem(operation);
      return response.data;
    } catch (error) {
      throw toDownstreamProblem(error, operation);
    }
  }
}

function withoutUndefined(params?: object): Record<string, unknown> | undefined {
  if (!params) return undefined;
  const entries = Object.entries(params).filter(([, value]) => value !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}
