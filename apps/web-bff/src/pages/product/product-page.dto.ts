import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PriceDto } from '../../shaping/money.dto';
import { ProductCardDto } from '../../shaping/product-card.dto';

/** Parts of the page that may be missing when core-api cannot supply them in time. */
export const PRODUCT_PAGE_OPTIONAL_PARTS = ['reviews', 'rating', 'inventory', 'related'] as const;
export type ProductPageOptionalPart = (typeof PRODUCT_PAGE_OPTIONAL_PARTS)[number];

export class ImageDto {
  @ApiProperty({ type: 'integer', example: 640 }) width!: number;
  @ApiProperty({
    example: '/media/products/1/640.svg',
    description: 'Served by web-bff: `GET /media/products/{id}/{image}` (SVG).',
  })
  url!: string;
}

export class AttributeDto {
  @ApiProperty({ example: 'Material' }) name!: string;
  @ApiProperty({ example: 'recycled polyester' }) value!: string;
}

export class CategoryLinkDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'Kitchen' }) name!: string;
  @ApiProperty({ example: '/category/kitchen' }) href!: string;
}

export class PageProductDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'Fjord Heritage Kettle' }) name!: string;
  @ApiProperty({ example: 'Fjord' }) brand!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: CategoryLinkDto }) category!: CategoryLinkDto;
  @ApiProperty({ type: PriceDto }) price!: PriceDto;
  @ApiProperty({ type: [ImageDto], description: 'Every width, for `srcset`.' }) images!: ImageDto[];
  @ApiProperty({ type: [AttributeDto] }) attributes!: AttributeDto[];
}

export class HistogramBarDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 5 }) stars!: number;
  @ApiProperty({ type: 'integer', example: 12 }) count!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    example: 41,
    description: 'Share of all reviews, rounded.',
  })
  percent!: number;
}

export class RatingDto {
  @ApiProperty({ type: 'number', nullable: true, example: 3.93 }) average!: number | null;
  @ApiProperty({ type: 'integer', example: 29 }) count!: number;
  @ApiProperty({ type: [HistogramBarDto], description: 'Five stars first.' })
  histogram!: HistogramBarDto[];
}

export class PageReviewDto {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() author!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ReviewListDto {
  @ApiProperty({ type: [PageReviewDto] }) items!: PageReviewDto[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Cursor for the next page of reviews.',
  })
  nextCursor!: string | null;
}

export class WarehouseAvailabilityDto {
  @ApiProperty({ example: 'central' }) warehouse!: string;
  @ApiProperty({ type: 'integer', example: 12 }) quantity!: number;
}

export class AvailabilityDto {
  @ApiProperty() inStock!: boolean;
  @ApiProperty({ type: 'integer', example: 44 }) total!: number;
  @ApiProperty({ example: 'In stock', description: '`In stock`, `Only N left` or `Sold out`.' })
  label!: string;
  @ApiProperty({ type: [WarehouseAvailabilityDto] }) warehouses!: WarehouseAvailabilityDto[];
}

/**
 * Everything the browser's product page shows, in one answer. Only `product` is certain: each
 * other part is absent (never null) when core-api could not supply it, and `degraded` names it.
 */
export class ProductPageDto {
  @ApiProperty({ type: PageProductDto }) product!: PageProductDto;
  @ApiPropertyOptional({
    type: RatingDto,
    description: 'Absent when `degraded` contains `rating`.',
  })
  rating?: RatingDto;
  @ApiPropertyOptional({
    type: ReviewListDto,
    description:
      'The first page of reviews, newest first. Absent when `degraded` contains `reviews`.',
  })
  reviews?: ReviewListDto;
  @ApiPropertyOptional({
    type: AvailabilityDto,
    description: 'Absent when `degraded` contains `inventory`.',
  })
  availability?: AvailabilityDto;
  @ApiPropertyOptional({
    type: [ProductCardDto],
    description: 'Absent when `degraded` contains `related`.',
  })
  related?: ProductCardDto[];
  @ApiProperty({
    enum: PRODUCT_PAGE_OPTIONAL_PARTS,
    isArray: true,
    example: [],
    description:
      'Parts left out because core-api could not supply them in time; empty when the page is complete. Also sent as the `X-Degraded` header.',
  })
  degraded!: ProductPageOptionalPart[];
}
