import { InventoryDto, ProductDto, RatingSummaryDto, RelatedProductsDto, ReviewPageDto } from '@bff/core-contracts';

/**
 * core-api's answers about one product, as a product aggregate loads them: the product itself is
 * required; anything else may be missing because that part degraded. Each BFF shapes these into
 * its own page or screen.
 */
export interface ProductParts {
  product: ProductDto;
  reviews?: ReviewPageDto;
  rating?: RatingSummaryDto;
  inventory?: InventoryDto;
  related?: RelatedProductsDto;
}
