import { InventoryDto, ProductDto, ProductImageDto, RatingSummaryDto, RelatedProductsDto, ReviewPageDto } from '@bff/core-contracts';
import { ProductScreenDto, ScreenCardDto, ScreenReviewDto } from './product-screen.dto';

export const EXCERPT_LENGTH = 120;
const HERO_WIDTH = 640;
const CARD_WIDTH = 160;

export interface ProductScreenParts {
  product: ProductDto;
  reviews: ReviewPageDto;
  rating: RatingSummaryDto;
  inventory: InventoryDto;
  related: RelatedProductsDto;
}

/** Shapes core-api's answers into the app's product screen. Pure: no I/O. */
export function toProductScreen(parts: ProductScreenParts): ProductScreenDto {
  const { product } = parts;
  return {
    id: product.id,
    name: product.name,
    brand: product.brand,
    price: product.price.amountMinor,
    currency: product.price.currency,
    image: pickImage(product.images, HERO_WIDTH),
    rating: parts.rating.average === null ? null : Math.round(parts.rating.average * 10) / 10,
    ratingCount: parts.rating.count,
    inStock: parts.inventory.total > 0,
    reviews: parts.reviews.items.slice(0, 3).map(
      ({ rating, title, body, author }): ScreenReviewDto => ({ rating, title, excerpt: excerpt(body), author }),
    ),
    related: parts.related.items.map(
      (item): ScreenCardDto => ({
        id: item.id,
        name: item.name,
        price: item.price.amountMinor,
        currency: item.price.currency,
        image: pickImage(item.images, CARD_WIDTH),
      }),
    ),
  };
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
