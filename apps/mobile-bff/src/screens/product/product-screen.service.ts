import { Injectable, Logger } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { ProductParts, aggregate, optional, required } from '@bff/bff-kit';
import {
  ProductScreenDto,
  ProductScreenOptionalPart,
  ProductScreenV2Dto,
} from './product-screen.dto';
import { SCREEN_REVIEWS, toProductScreen, toProductScreenV2 } from './product-screen.shaper';

/** A phone shows about three cards across; more would be bytes nobody sees. */
export const SCREEN_RELATED = 3;

@Injectable()
export class ProductScreenService {
  private readonly logger = new Logger(ProductScreenService.name);

  constructor(private readonly core: CoreApiClient) {}

  async v1(id: number, dpr?: number): Promise<ProductScreenDto> {
    const { parts, degraded } = await this.load(id);
    return toProductScreen(parts, degraded, dpr);
  }

  async v2(id: number, dpr?: number): Promise<ProductScreenV2Dto> {
    const { parts, degraded } = await this.load(id);
    return toProductScreenV2(parts, degraded, dpr);
  }

  /**
   * Five core-api calls in parallel. The product is required; reviews, rating, stock and
   * related products are optional: a failed one is left out and named in `degraded`. Every
   * version of the screen is shaped from these parts.
   */
  private load(
    id: number,
  ): Promise<{ parts: ProductParts; degraded: ProductScreenOptionalPart[] }> {
    return aggregate(
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
  }
}
