import { ProductDto, ProductImageDto, ProductSummaryDto } from '@bff/core-contracts';
import { categories, products } from '../database/schema';

export const IMAGE_WIDTHS = [160, 320, 640, 1280] as const;

type ProductRow = typeof products.$inferSelect;
type CategoryRow = typeof categories.$inferSelect;

export function imagesFor(productId: number): ProductImageDto[] {
  return IMAGE_WIDTHS.map((width) => ({ width, url: `/media/products/${productId}/${width}.svg` }));
}

export function toProductDto(row: ProductRow, category: CategoryRow): ProductDto {
  return {
    id: row.id,
    sku: row.sku,
    slug: row.slug,
    name: row.name,
    brand: row.brand,
    category: { id: category.id, slug: category.slug, name: category.name },
    description: row.description,
    price: { amountMinor: row.priceMinor, currency: row.currency },
    images: imagesFor(row.id),
    attributes: row.attributes,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toProductSummaryDto(
  row: Pick<ProductRow, 'id' | 'slug' | 'name' | 'brand' | 'priceMinor' | 'currency'>,
): ProductSummaryDto {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    brand: row.brand,
    price: { amountMinor: row.priceMinor, currency: row.currency },
    images: imagesFor(row.id),
  };
}
