import { InventoryDto, MoneyDto, ProductSummaryDto, RatingSummaryDto } from '@bff/core-contracts';
import { ProductParts, toPageCursor } from '@bff/bff-kit';
import {
  AvailabilityDto,
  PriceDto,
  ProductCardDto,
  ProductPageDto,
  ProductPageOptionalPart,
  RatingDto,
} from './product-page.dto';

/** At or below this many units the page says "Only N left". */
export const LOW_STOCK = 5;
const CARD_IMAGE_WIDTH = 320;

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

export function toPrice(money: MoneyDto): PriceDto {
  return { ...money, formatted: formatMoney(money) };
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney({ amountMinor, currency }: MoneyDto): string {
  // Building an Intl.NumberFormat costs far more than using one: keep one per currency.
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-IE', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(amountMinor / 100);
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
  const label = total === 0 ? 'Sold out' : total <= LOW_STOCK ? `Only ${total} left` : 'In stock';
  return { inStock: total > 0, total, label, warehouses: inventory.warehouses };
}

export function toCard(product: ProductSummaryDto): ProductCardDto {
  const image = product.images.find((i) => i.width >= CARD_IMAGE_WIDTH) ?? product.images.at(-1);
  return {
    id: product.id,
    name: product.name,
    brand: product.brand,
    price: toPrice(product.price),
    image: image?.url ?? '',
    href: `/product/${product.id}`,
  };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
