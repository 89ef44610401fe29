import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { ProductPageDto } from './product-page.dto';
import { toProductPage } from './product-page.shaper';

export const PAGE_REVIEWS = 5;
export const PAGE_RELATED = 8;

@Injectable()
export class ProductPageService {
  constructor(private readonly core: CoreApiClient) {}

  /** Five core-api calls in parallel, shaped into one page. */
  async get(id: number): Promise<ProductPageDto> {
    const [product, reviews, rating, inventory, related] = await Promise.all([
      this.core.getProduct(id),
      this.core.getReviews(id, { limit: PAGE_REVIEWS }),
      this.core.getRatingSummary(id),
      this.core.getInventory(id),
      this.core.getRelated(id, PAGE_RELATED),
    ]);
    return toProductPage({ product, reviews, rating, inventory, related });
  }
}
