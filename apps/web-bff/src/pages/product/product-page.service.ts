import { Injectable, Logger } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { loadProductParts } from '@bff/bff-kit';
import { ProductPageDto } from './product-page.dto';
import { toProductPage } from './product-page.shaper';

export const PAGE_REVIEWS = 5;
export const PAGE_RELATED = 8;

@Injectable()
export class ProductPageService {
  private readonly logger = new Logger(ProductPageService.name);

  constructor(private readonly core: CoreApiClient) {}

  /** The product's five parts (`loadProductParts`: only the product is required), one page. */
  async get(id: number): Promise<ProductPageDto> {
    const { parts, degraded } = await loadProductParts(
      this.core,
      id,
      { reviews: PAGE_REVIEWS, related: PAGE_RELATED },
      {
        onDegraded: (part, error) =>
          this.logger.warn(`product page ${id}: ${part} left out (${(error as Error).message})`),
      },
    );
    return toProductPage(parts, degraded);
  }
}
