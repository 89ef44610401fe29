import { CoreApiClient } from '@bff/core-client';
import {
  InventoryDto,
  ProductDto,
  RatingSummaryDto,
  RelatedProductsDto,
  ReviewPageDto,
} from '@bff/core-contracts';
import { aggregate, AggregateOptions, optional, required } from './aggregate';

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

/** How many reviews and related products a page or screen shows. */
export interface ProductPartSizes {
  reviews: number;
  related: number;
}

/**
 * The five core-api calls of a product aggregate, in parallel: the product is required (its
 * problem, e.g. 404 or 503, is the answer); reviews, rating, stock and related products are
 * optional: a failed one is left out and named in `degraded`.
 */
export function loadProductParts(
  core: CoreApiClient,
  id: number,
  sizes: ProductPartSizes,
  options: AggregateOptions = {},
) {
  return aggregate(
    {
      product: required(() => core.getProduct(id)),
      reviews: optional(() => core.getReviews(id, { limit: sizes.reviews })),
      rating: optional(() => core.getRatingSummary(id)),
      inventory: optional(() => core.getInventory(id)),
      related: optional(() => core.getRelated(id, sizes.related)),
    },
    options,
  );
}
