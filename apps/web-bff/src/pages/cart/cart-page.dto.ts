import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_LINE_QUANTITY, SHIPPING_METHODS, ShippingMethod } from '@bff/core-contracts';
import { BoundedInt } from '@bff/platform-validation';
import { PriceDto } from '../../shaping/money.dto';

export const CART_OPTIONAL_PARTS = ['images'] as const;
export type CartOptionalPart = (typeof CART_OPTIONAL_PARTS)[number];

export class CartQuantityDto {
  @BoundedInt({ min: 1, max: MAX_LINE_QUANTITY, example: 1 })
  quantity!: number;
}

export class CartLineViewDto {
  @ApiProperty({ type: 'integer', example: 13 }) productId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '/product/13' }) href!: string;
  @ApiPropertyOptional({
    example: '/media/products/13/160.svg',
    description:
      'Served by web-bff: `GET /media/products/{id}/{image}` (SVG). Absent when `degraded` contains `images`.',
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

/** One way to ship the cart, priced by core-api with the rule checkout charges. */
export class ShippingEstimateDto {
  @ApiProperty({ enum: SHIPPING_METHODS, example: 'standard' }) method!: ShippingMethod;
  @ApiProperty({ example: 'Standard' }) label!: string;
  @ApiProperty({ type: PriceDto, description: 'Shipping for the cart as it is now.' })
  cost!: PriceDto;
  @ApiProperty({ type: PriceDto, description: 'Subtotal + this shipping: what checkout charges.' })
  total!: PriceDto;
  @ApiProperty({
    type: PriceDto,
    nullable: true,
    description: 'How much more makes this method free; null when it is free or never is.',
  })
  freeAfter!: PriceDto | null;
}

/** The cart with live prices and stock, as core-api computes them at this moment. */
export class CartViewDto {
  @ApiProperty({ type: [CartLineViewDto] }) lines!: CartLineViewDto[];
  @ApiProperty({ type: 'integer', example: 3 }) itemCount!: number;
  @ApiProperty({ type: PriceDto }) subtotal!: PriceDto;
  @ApiProperty({
    type: [ShippingEstimateDto],
    description:
      'Every shipping method for this cart, as core-api prices it (checkout charges the same).',
  })
  shipping!: ShippingEstimateDto[];
  @ApiProperty({ description: 'Not empty, and stock covers every line.' }) canCheckout!: boolean;
  @ApiProperty({ enum: CART_OPTIONAL_PARTS, isArray: true, example: [] })
  degraded!: CartOptionalPart[];
}
