import { Injectable, Logger } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { loadProductParts } from '@bff/bff-kit';
import { ProductScreenDto, ProductScreenV2Dto } from './product-screen.dto';
import { SCREEN_REVIEWS, toProductScreenV1, toProductScreenV2 } from './product-screen.shaper';

/** A phone shows about three cards across; more would be bytes nobody sees. */
export const SCREEN_RELATED = 3;

@Injectable()
export class ProductScreenService {
  private readonly logger = new Logger(ProductScreenService.name);

  constructor(private readonly core: CoreApiClient) {}

  /** v1 is the v2 screen projected for older apps: one load, one shaper. */
  async v1(id: number, dpr?: number): Promise<ProductScreenDto> {
    return toProductScreenV1(await this.v2(id, dpr));
  }

  /** The product's five parts (`loadProductParts`: only the product is required), one screen. */
  async v2(id: number, dpr?: number): Promise<ProductScreenV2Dto> {
    const { parts, degraded } = await loadProductParts(
      this.core,
      id,
      { reviews: SCREEN_REVIEWS, related: SCREEN_RELATED },
      {
        onDegraded: (part, error) =>
          this.logger.warn(`product screen ${id}: ${part} left out (${(error as Error).message})`),
      },
    );
    return toProductScreenV2(parts, degraded, dpr);
  }
}
