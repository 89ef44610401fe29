import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { BoundedText, CategorySlug, CursorQuery, IdList, QueryInt } from '@bff/platform-validation';
import { ProductSummaryDto } from './related-products.dto';

export const PRODUCT_SORTS = ['newest', 'price_asc', 'price_desc', 'name'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];
export const PRODUCTS_MAX_LIMIT = 48;
export const PRODUCTS_MAX_BATCH = 100;

/**
 * Either a batch get (`ids`) or a filtered, sorted, cursor-paged list; not both.
 */
export class ProductListQueryDto {
  @IdList({
    max: PRODUCTS_MAX_BATCH,
    description:
      'Batch get: these products, in this order. Cannot be combined with other parameters.',
  })
  ids?: number[];

  @CategorySlug({ optional: true, description: 'Only products of this category.' })
  category?: string;

  @BoundedText({ min: 1, max: 64, example: 'Fjord', description: 'Only this brand.' })
  brand?: string;

  @QueryInt({ min: 0, max: 100_000_000, description: 'Lowest price, in minor units (inclusive).' })
  minPrice?: number;

  @QueryInt({ min: 0, max: 100_000_000, description: 'Highest price, in minor units (inclusive).' })
  maxPrice?: number;

  @BoundedText({
    min: 2,
    max: 100,
    example: 'kettle',
    description: 'Words to find in name, brand or description.',
  })
  q?: string;

  @ApiPropertyOptional({ enum: PRODUCT_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: ProductSort;

  @QueryInt({ min: 1, max: PRODUCTS_MAX_LIMIT, default: 24, description: 'Page size.' })
  limit?: number;

  @CursorQuery('Opaque cursor from a previous page’s `nextCursor` (same filters and sort).', 400)
  cursor?: string;
}

export class ProductListDto {
  @ApiProperty({ type: [ProductSummaryDto] }) items!: ProductSummaryDto[];

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Cursor of the next page; null on the last page (and for a batch get).',
  })
  nextCursor!: string | null;

  @ApiProperty({
    type: [Number],
    description: 'Batch get only: requested ids that do not exist.',
    example: [],
  })
  missing!: number[];
}
