import { Injectable, Logger } from '@nestjs/common';
import { CoreApiClient, aggregate, optional, required } from '@bff/core-client';
import { ProductScreenDto } from './product-screen.dto';
import { toProductScreen } from './product-screen.shaper';

export const SCREEN_REVIEWS = 3;
export const SCREEN_RELATED = 6;

@Injectable()
export class ProductScreenService {
  private readonly logger = new Logger(ProductScreenService.name);

  constructor(private readonly core: CoreApiClient) {}

  /**
   * Five core-api calls in parallel, shaped into one compact screen. The product is required;
   * reviews, rating, stock and related products are optional: a failed one is left out and
   * named in `degraded`.
   */
  async get(id: number): Promise<ProductScreenDto> {
    const { parts, degraded } = await aggregate(
      {
        product: required(() => this.core.getProduct(id)),
        reviews: optional(() => this.core.getReviews(id, { limit: SCREEN_REVIEWS })),
        rating: optional(() => this.core.getRatingSummary(id)),
        inventory: optional(() => this.core.getInventory(id)),
        related: optional(() => this.core.getRelated(id, SCREEN_RELATED)),
      },
      {
        onDegraded: (part, error) =>
          this.logger.warn(`product screen ${id}: ${part} left out (${(error as Error).message})`),
      },
    );
    return toProductScreen(parts, degraded);
  }
}
