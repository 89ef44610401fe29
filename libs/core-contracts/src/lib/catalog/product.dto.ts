import { ApiProperty } from '@nestjs/swagger';
import { MoneyDto } from '../money.dto';

export class CategoryRefDto {
  @ApiProperty({ type: 'integer', example: 3 })
  id!: number;

  @ApiProperty({ example: 'kitchen' })
  slug!: string;

  @ApiProperty({ example: 'Kitchen' })
  name!: string;
}

export class ProductImageDto {
  @ApiProperty({ type: 'integer', example: 640, description: 'Width in pixels.' })
  width!: number;

  @ApiProperty({
    example: '/media/products/1/640.svg',
    description:
      'A path on the BFF that hands the product out: web-bff and mobile-bff serve it (an SVG drawn from the product). core-api itself serves no pictures.',
  })
  url!: string;
}

/** A product as core-api holds it: everything any frontend might show. */
export class ProductDto {
  @ApiProperty({ type: 'integer', example: 1 })
  id!: number;

  @ApiProperty({ example: 'SKU-00001' })
  sku!: string;

  @ApiProperty({ example: 'aurora-chef-knife-1' })
  slug!: string;

  @ApiProperty({ example: 'Aurora Chef Knife' })
  name!: string;

  @ApiProperty({ example: 'Aurora' })
  brand!: string;

  @ApiProperty({ type: CategoryRefDto })
  category!: CategoryRefDto;

  @ApiProperty({ example: 'A balanced 20 cm chef knife …' })
  description!: string;

  @ApiProperty({ type: MoneyDto })
  price!: MoneyDto;

  @ApiProperty({
    type: [ProductImageDto],
    description: 'The same image in several widths, narrowest first.',
  })
  images!: ProductImageDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { material: 'steel', colour: 'black' },
  })
  attributes!: Record<string, string>;

  @ApiProperty({ format: 'date-time', example: '2025-01-01T00:00:00.000Z' })
  createdAt!: string;
}
