import { InventoryDto, RatingSummaryDto } from '@bff/core-contracts';
import { ProductParts, toPageCursor } from '@bff/bff-kit';
import { toPrice } from '../../shaping/money.shaper';
import { toCard } from '../../shaping/product-card.shaper';
import { stockLabel } from '../../shaping/stock.shaper';
import {
  AvailabilityDto,
  ProductPageDto,
  ProductPageOptionalPart,
  RatingDto,
} from './product-page.dto';

/**
 * Shapes core-api's answers into the browser's product page. Pure: no I/O, easy to test. A part
 * that did not load is left out of the page (never sent as null) and listed in `degraded`.
 */
export function toProductPage(
  parts: ProductParts,
  degraded: ProductPageOptionalPart[] = [],
): ProductPageDto {
  const { product, reviews, rating, inventory, related } = parts;
  const page: ProductPageDto = {
    product: {
      id: product.id,
      name: product.name,
      brand: product.brand,
      description: product.description,
      category: {
        id: product.category.id,
        name: product.category.name,
        href: `/category/${product.category.slug}`,
      },
      price: toPrice(product.price),
      images: product.images,
      attributes: Object.entries(product.attributes).map(([name, value]) => ({
        name: capitalise(name),
        value,
      })),
    },
    degraded,
  };
  if (rating) page.rating = toRating(rating);
  if (reviews) {
    page.reviews = {
      items: reviews.items.map(({ id, rating: stars, title, body, author, createdAt }) => ({
        id,
        rating: stars,
        title,
        body,
        author,
        createdAt,
      })),
      nextCursor: toPageCursor(reviews.nextCursor),
    };
  }
  if (inventory) page.availability = toAvailability(inventory);
  if (related) page.related = related.items.map(toCard);
  return page;
}

export function toRating(summary: RatingSummaryDto): RatingDto {
  const histogram = [5, 4, 3, 2, 1].map((stars) => {
    const count = summary.histogram[String(stars) as keyof RatingSummaryDto['histogram']];
    return { stars, count, percent: summary.count ? Math.round((count / summary.count) * 100) : 0 };
  });
  return { average: summary.average, count: summary.count, histogram };
}

export function toAvailability(inventory: InventoryDto): AvailabilityDto {
  const { total } = inventory;
  return { inStock: total > 0, total, label: stockLabel(total), warehouses: inventory.warehouses };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
