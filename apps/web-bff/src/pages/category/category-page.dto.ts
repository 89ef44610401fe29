import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRODUCT_SORTS, ProductSort } from '@bff/core-contracts';
import { BoundedText, CategorySlug, CursorQuery, QueryInt } from '@bff/platform-validation';
import { IsIn, IsOptional } from 'class-validator';
import { PriceDto } from '../../shaping/money.dto';
import { ProductCardDto } from '../../shaping/product-card.dto';

export const CATEGORY_PAGE_OPTIONAL_PARTS = ['facets'] as const;
export type CategoryPageOptionalPart = (typeof CATEGORY_PAGE_OPTIONAL_PARTS)[number];
export const CATEGORY_PAGE_SIZE = 12;

export class CategorySlugDto {
  @CategorySlug()
  slug!: string;
}

export class CategoryPageQueryDto {
  @ApiPropertyOptional({ enum: PRODUCT_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: ProductSort;

  @BoundedText({ min: 1, max: 64, example: 'Fjord', description: 'Only this brand.' })
  brand?: string;

  @QueryInt({ min: 0, max: 100_000_000, description: 'Lowest price, in minor units.' })
  minPrice?: number;

  @QueryInt({ min: 0, max: 100_000_000, description: 'Highest price, in minor units.' })
  maxPrice?: number;

  @QueryInt({ min: 1, max: 48, default: CATEGORY_PAGE_SIZE, description: 'Products per page.' })
  limit?: number;

  @CursorQuery('The `nextCursor` of the previous page (same filters and sort).', 600)
  cursor?: string;
}

export class BrandOptionDto {
  @ApiProperty({ example: 'Fjord' }) brand!: string;
  @ApiProperty({ type: 'integer', example: 7 }) count!: number;
  @ApiProperty({ description: 'Whether the page is filtered by this brand.' }) selected!: boolean;
}

export class PriceRangeFacetDto {
  @ApiProperty({ type: PriceDto }) min!: PriceDto;
  @ApiProperty({ type: PriceDto }) max!: PriceDto;
}

export class CategoryFacetsViewDto {
  @ApiProperty({ type: 'integer', description: 'Products in the whole category.' })
  productCount!: number;
  @ApiProperty({ type: [BrandOptionDto], description: 'Over the whole category, most first.' })
  brands!: BrandOptionDto[];
  @ApiProperty({ type: PriceRangeFacetDto, nullable: true }) priceRange!: PriceRangeFacetDto | null;
}

export class CategoryHeaderDto {
  @ApiProperty({ example: 'kitchen' }) slug!: string;
  @ApiProperty({
    example: 'Kitchen',
    description: 'From the facets; made from the slug when they are degraded.',
  })
  name!: string;
}

export class CategoryPageDto {
  @ApiProperty({ type: CategoryHeaderDto }) category!: CategoryHeaderDto;
  @ApiProperty({ type: [ProductCardDto] }) products!: ProductCardDto[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
  @ApiProperty({ enum: PRODUCT_SORTS }) sort!: ProductSort;
  @ApiPropertyOptional({
    type: CategoryFacetsViewDto,
    description: 'Brands and price range. Absent when `degraded` contains `facets`.',
  })
  facets?: CategoryFacetsViewDto;
  @ApiProperty({ enum: CATEGORY_PAGE_OPTIONAL_PARTS, isArray: true, example: [] })
  degraded!: CategoryPageOptionalPart[];
}
