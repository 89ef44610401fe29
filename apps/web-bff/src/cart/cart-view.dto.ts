import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_LINE_QUANTITY } from '@bff/core-contracts';
import { IsInt, Max, Min } from 'class-validator';
import { PriceDto } from '../pages/product/product-page.dto';

export const CART_OPTIONAL_PARTS = ['images'] as const;
export type CartOptionalPart = (typeof CART_OPTIONAL_PARTS)[number];

export class CartQuantityDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_LINE_QUANTITY, example: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;
}

export class CartLineViewDto {
  @ApiProperty({ type: 'integer', example: 13 }) productId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '/product/13' }) href!: string;
  @ApiPropertyOptional({
    example: '/media/products/13/160.svg',
    description: 'Absent when `degraded` contains `images`.',
  })
  image?: string;
  @ApiProperty({ type: PriceDto, description: 'The price now, not when it was added.' })
  unitPrice!: PriceDto;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_LINE_QUANTITY }) quantity!: number;
  @ApiProperty({ type: PriceDto }) lineTotal!: PriceDto;
  @ApiProperty({ type: 'integer', description: 'Units in stock now, over all warehouses.' })
  available!: number;
  @ApiProperty({ example: 'In stock', description: '`In stock`, `Only N left` or `Sold out`.' })
  stockLabel!: string;
  @ApiProperty({ description: 'Whether stock covers the quantity in the cart.' })
  enoughStock!: boolean;
}

/** The cart with live prices and stock, as core-api computes them at this moment. */
export class CartViewDto {
  @ApiProperty({ type: [CartLineViewDto] }) lines!: CartLineViewDto[];
  @ApiProperty({ type: 'integer', example: 3 }) itemCount!: number;
  @ApiProperty({ type: PriceDto }) subtotal!: PriceDto;
  @ApiProperty({ description: 'Not empty, and stock covers every line.' }) canCheckout!: boolean;
  @ApiProperty({ enum: CART_OPTIONAL_PARTS, isArray: true, example: [] })
  degraded!: CartOptionalPart[];
}
