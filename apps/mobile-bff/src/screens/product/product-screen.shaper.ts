import { ReviewDto } from '@bff/core-contracts';
import { ProductParts } from '@bff/bff-kit';
import { toCard } from '../../shaping/card.shaper';
import { HERO_CSS_WIDTH, pickImage } from '../../shaping/image.shaper';
import {
  ProductScreenDto,
  ProductScreenOptionalPart,
  ProductScreenV2Dto,
  ScreenReviewDto,
} from './product-screen.dto';

export const EXCERPT_LENGTH = 90;
export const SCREEN_REVIEWS = 3;

/**
 * Shapes core-api's answers into the app's product screen (v2, the current version). Pure: no
 * I/O. A part that did not load is left out (never sent as null) and listed in `degraded`.
 */
export function toProductScreenV2(
  parts: ProductParts,
  degraded: ProductScreenOptionalPart[] = [],
  dpr?: number,
): ProductScreenV2Dto {
  const { product, reviews, rating, inventory, related } = parts;
  const screen: ProductScreenV2Dto = {
    id: product.id,
    name: product.name,
    price: { amountMinor: product.price.amountMinor, currency: product.price.currency },
    image: pickImage(product.images, HERO_CSS_WIDTH, dpr),
    degraded,
  };
  if (rating) screen.rating = { average: roundRating(rating.average), count: rating.count };
  if (inventory) screen.inStock = inventory.total > 0;
  if (reviews) screen.reviews = reviews.items.slice(0, SCREEN_REVIEWS).map(toScreenReview);
  if (related) screen.related = related.items.map((item) => toCard(item, dpr));
  return screen;
}

/**
 * v1, for app versions still in the field: the v2 screen with its price and rating taken apart
 * again (`price` + `currency`, `rating` + `ratingCount`). A projection of v2 and nothing more, so
 * a change to the screen is made once, in v2, and v1 cannot drift from it.
 */
export function toProductScreenV1(v2: ProductScreenV2Dto): ProductScreenDto {
  const { price, rating, inStock, reviews, related } = v2;
  const v1: ProductScreenDto = {
    id: v2.id,
    name: v2.name,
    price: price.amountMinor,
    currency: price.currency,
    image: v2.image,
    degraded: v2.degraded,
  };
  if (rating) {
    v1.rating = rating.average;
    v1.ratingCount = rating.count;
  }
  if (inStock !== undefined) v1.inStock = inStock;
  if (reviews) v1.reviews = reviews;
  if (related) v1.related = related;
  return v1;
}

/** v1 from core-api's answers: the projection of the v2 screen. */
export function toProductScreen(
  parts: ProductParts,
  degraded: ProductScreenOptionalPart[] = [],
  dpr?: number,
): ProductScreenDto {
  return toProductScreenV1(toProductScreenV2(parts, degraded, dpr));
}

const roundRating = (average: number | null): number | null =>
  average === null ? null : Math.round(average * 10) / 10;

const toScreenReview = ({ rating, body, author }: ReviewDto): ScreenReviewDto => ({
  rating,
  excerpt: excerpt(body),
  author,
});

/** Trims text to at most `EXCERPT_LENGTH` characters at a word boundary, marking the cut with an ellipsis. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
