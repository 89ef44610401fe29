import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { ProductScreenDto } from './product-screen.dto';
import { toProductScreen } from './product-screen.shaper';

export const SCREEN_RELATED = 6;

@Injectable()
export class ProductScreenService {
  constructor(private readonly core: CoreApiClient) {}

  /** Five core-api calls in parallel, shaped into one compact screen. */
  async get(id: number): Promise<ProductScreenDto> {
    const [product, reviews, rating, inventory, related] = await Promise.all([
      this.core.getProduct(id),
      this.core.getReviews(id, { limit: 3 }),
      this.core.getRatingSummary(id),
      this.core.getInventory(id),
      this.core.getRelated(id, SCREEN_RELATED),
    ]);
    return toProductScreen({ product, reviews, rating, inventory, related });
  }
}
