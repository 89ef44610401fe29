import { Injectable, Logger } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { aggregate, optional, required } from '@bff/bff-kit';
import { ProductPageDto } from './product-page.dto';
import { toProductPage } from './product-page.shaper';

export const PAGE_REVIEWS = 5;
export const PAGE_RELATED = 8;

@Injectable()
export class ProductPageService {
  private readonly logger = new Logger(ProductPageService.name);

  constructor(private readonly core: CoreApiClient) {}

  /**
   * Five core-api calls in parallel, shaped into one page. The product is required (its problem,
   * e.g. 404 or 503, is the answer); reviews, rating, stock and related products are optional: a
   * failed one is left out and named in `degraded`.
   */
  async get(id: number): Promise<ProductPageDto> {
    const { parts, degraded } = await aggregate(
      {
        product: required(() => this.core.getProduct(id)),
        reviews: optional(() => this.core.getReviews(id, { limit: PAGE_REVIEWS })),
        rating: optional(() => this.core.getRatingSummary(id)),
        inventory: optional(() => this.core.getInventory(id)),
        related: optional(() => this.core.getRelated(id, PAGE_RELATED)),
      },
      {
        onDegraded: (part, error) =>
          this.logger.warn(`product page ${id}: ${part} left out (${(error as Error).message})`),
      },
    );
    return toProductPage(parts, degraded);
  }
}
