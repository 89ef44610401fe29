import { ReviewDto } from '@bff/core-contracts';
import { ProductParts } from '@bff/bff-kit';
import { toCard } from '../shared/card.dto';
import { HERO_CSS_WIDTH, pickImage } from '../shared/images';
import {
  ProductScreenDto,
  ProductScreenOptionalPart,
  ProductScreenV2Dto,
  ScreenReviewDto,
} from './product-screen.dto';

export const EXCERPT_LENGTH = 90;
export const SCREEN_REVIEWS = 3;

/**
 * Shapes core-api's answers into v1 of the app's product screen. Pure: no I/O. A part that did
 * not load is left out (never sent as null) and listed in `degraded`.
 */
export function toProductScreen(
  parts: ProductParts,
  degraded: ProductScreenOptionalPart[] = [],
  dpr?: number,
): ProductScreenDto {
  const { product, reviews, rating, inventory, related } = parts;
  const screen: ProductScreenDto = {
    id: product.id,
    name: product.name,
    price: product.price.amountMinor,
    currency: product.price.currency,
    image: pickImage(product.images, HERO_CSS_WIDTH, dpr),
    degraded,
  };
  if (rating) {
    screen.rating = roundRating(rating.average);
    screen.ratingCount = rating.count;
  }
  if (inventory) screen.inStock = inventory.total > 0;
  if (reviews) screen.reviews = reviews.items.slice(0, SCREEN_REVIEWS).map(toScreenReview);
  if (related) screen.related = related.items.map((item) => toCard(item, dpr));
  return screen;
}

/** v2: the same content, with price as a money object and the rating as one object. */
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
