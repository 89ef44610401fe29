import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProductCardDto } from '../../shaping/product-card.dto';

export const HOME_PAGE_OPTIONAL_PARTS = ['featured', 'deals'] as const;
export type HomePageOptionalPart = (typeof HOME_PAGE_OPTIONAL_PARTS)[number];

export class CategoryCardDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'kitchen' }) slug!: string;
  @ApiProperty({ example: 'Kitchen' }) name!: string;
  @ApiProperty({ type: 'integer', example: 42 }) productCount!: number;
  @ApiProperty({ example: '/category/kitchen' }) href!: string;
}

/** The storefront's front page: every category, the newest products and the best prices. */
export class HomePageDto {
  @ApiProperty({ type: [CategoryCardDto], description: 'Every category, by name.' })
  categories!: CategoryCardDto[];
  @ApiPropertyOptional({
    type: [ProductCardDto],
    description: 'The newest products. Absent when `degraded` contains `featured`.',
  })
  featured?: ProductCardDto[];
  @ApiPropertyOptional({
    type: [ProductCardDto],
    description:
      'Deals: the lowest-priced products of the catalog (core-api has no discounts, so the best prices are the deals). Absent when `degraded` contains `deals`.',
  })
  deals?: ProductCardDto[];
  @ApiProperty({ enum: HOME_PAGE_OPTIONAL_PARTS, isArray: true, example: [] })
  degraded!: HomePageOptionalPart[];
}
