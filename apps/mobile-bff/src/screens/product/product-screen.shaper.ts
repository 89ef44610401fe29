import { ProductImageDto } from '@bff/core-contracts';
import { ProductParts } from '@bff/core-client';
import {
  ProductScreenDto,
  ProductScreenOptionalPart,
  ScreenCardDto,
  ScreenReviewDto,
} from './product-screen.dto';

export const EXCERPT_LENGTH = 120;
const HERO_WIDTH = 640;
const CARD_WIDTH = 160;


/**
 * Shapes core-api's answers into the app's product screen. Pure: no I/O. A part that did not
 * load is left out (never sent as null) and listed in `degraded`.
 */
export function toProductScreen(
  parts: ProductParts,
  degraded: ProductScreenOptionalPart[] = [],
): ProductScreenDto {
  const { product, reviews, rating, inventory, related } = parts;
  const screen: ProductScreenDto = {
    id: product.id,
    name: product.name,
    brand: product.brand,
    price: product.price.amountMinor,
    currency: product.price.currency,
    image: pickImage(product.images, HERO_WIDTH),
    degraded,
  };
  if (rating) {
    screen.rating = rating.average === null ? null : Math.round(rating.average * 10) / 10;
    screen.ratingCount = rating.count;
  }
  if (inventory) screen.inStock = inventory.total > 0;
  if (reviews) {
    screen.reviews = reviews.items
      .slice(0, 3)
      .map(({ rating: stars, title, body, author }): ScreenReviewDto => ({
        rating: stars,
        title,
        excerpt: excerpt(body),
        author,
      }));
  }
  if (related) {
    screen.related = related.items.map((item): ScreenCardDto => ({
      id: item.id,
      name: item.name,
      price: item.price.amountMinor,
      currency: item.price.currency,
      image: pickImage(item.images, CARD_WIDTH),
    }));
  }
  return screen;
}

/** The narrowest image at least `width` wide, or the widest there is. */
export function pickImage(images: ProductImageDto[], width: number): string {
  const sorted = [...images].sort((a, b) => a.width - b.width);
  return (sorted.find((image) => image.width >= width) ?? sorted.at(-1))?.url ?? '';
}

/** Trims text to at most `EXCERPT_LENGTH` characters at a word boundary, marking the cut with an ellipsis. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
