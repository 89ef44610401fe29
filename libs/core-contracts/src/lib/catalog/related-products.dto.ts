import { ApiProperty } from '@nestjs/swagger';
import { QueryInt } from '@bff/platform-validation';
import { MoneyDto } from '../money.dto';
import { ProductImageDto } from './product.dto';

export const RELATED_MAX_LIMIT = 24;

export class RelatedProductsQueryDto {
  @QueryInt({
    min: 1,
    max: RELATED_MAX_LIMIT,
    default: 8,
    description: 'How many related products to return.',
  })
  limit?: number;
}

/** A product in a list: enough for a card, no description or attributes. */
export class ProductSummaryDto {
  @ApiProperty({ type: 'integer', example: 2 })
  id!: number;

  @ApiProperty({ example: 'aurora-paring-knife-2' })
  slug!: string;

  @ApiProperty({ example: 'Aurora Paring Knife' })
  name!: string;

  @ApiProperty({ example: 'Aurora' })
  brand!: string;

  @ApiProperty({ type: MoneyDto })
  price!: MoneyDto;

  @ApiProperty({ type: [ProductImageDto] })
  images!: ProductImageDto[];
}

export class RelatedProductsDto {
  @ApiProperty({ type: 'integer', example: 1 })
  productId!: number;

  @ApiProperty({ type: [ProductSummaryDto] })
  items!: ProductSummaryDto[];
}
