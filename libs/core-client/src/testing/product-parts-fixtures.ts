import {
  InventoryDto,
  ProductDto,
  RatingSummaryDto,
  RelatedProductsDto,
  ReviewDto,
  ReviewPageDto,
} from '@bff/core-contracts';
import {
  aProduct,
  aRatingSummary,
  aReview,
  aReviewPage,
  anInventory,
  relatedProducts,
} from './core-api-fixtures';

/** What a test says about a product's parts; anything left out is a plain default. */
export interface ProductPartsOf {
  product?: Partial<ProductDto>;
  /** The first page of reviews, newest first: each review's own fields. */
  reviews?: Partial<ReviewDto>[];
  /** The cursor of the page after it (none by default). */
  nextCursor?: string;
  /** Reviews per star rating. */
  ratings?: Partial<RatingSummaryDto['histogram']>;
  /** Units per warehouse. */
  stock?: Record<string, number>;
  /** The ids of the related products. */
  related?: number[];
}

/** Every part of one product as core-api answers them: what a product page or screen is shaped from. */
export function aProductParts(of: ProductPartsOf = {}): {
  product: ProductDto;
  reviews: ReviewPageDto;
  rating: RatingSummaryDto;
  inventory: InventoryDto;
  related: RelatedProductsDto;
} {
  return {
    product: aProduct(of.product),
    reviews: aReviewPage((of.reviews ?? [{}]).map(aReview), of.nextCursor ?? null),
    rating: aRatingSummary(of.ratings ?? { '5': 1 }),
    inventory: anInventory(of.stock),
    related: relatedProducts(...(of.related ?? [2, 3])),
  };
}
