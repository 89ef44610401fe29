import { ApiProperty } from '@nestjs/swagger';
import { CategorySlug } from '@bff/platform-validation';
import { MoneyDto } from '../money.dto';

export class CategorySlugParamsDto {
  @CategorySlug()
  slug!: string;
}

export class BrandFacetDto {
  @ApiProperty({ example: 'Fjord' }) brand!: string;
  @ApiProperty({
    type: 'integer',
    example: 7,
    description: 'Products of this brand in the category.',
  })
  count!: number;
}

export class PriceRangeDto {
  @ApiProperty({ type: MoneyDto, description: 'Lowest price in the category.' }) min!: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Highest price in the category.' }) max!: MoneyDto;
}

/** What a category page can filter by, computed over every product of the category. */
export class CategoryFacetsDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'kitchen' }) slug!: string;
  @ApiProperty({ example: 'Kitchen' }) name!: string;
  @ApiProperty({ type: 'integer', example: 42 }) productCount!: number;
  @ApiProperty({ type: [BrandFacetDto], description: 'Most products first, then by name.' })
  brands!: BrandFacetDto[];
  @ApiProperty({
    type: PriceRangeDto,
    nullable: true,
    description:
      'Null for an empty category; over the most common currency when prices mix currencies.',
  })
  priceRange!: PriceRangeDto | null;
}
