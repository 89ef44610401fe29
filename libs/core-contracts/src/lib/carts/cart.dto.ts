import { ApiProperty } from '@nestjs/swagger';
import { BoundedInt, IsId } from '@bff/platform-validation';
import { MoneyDto } from '../money.dto';
import { SHIPPING_METHODS, ShippingMethod } from '../orders/order.dto';

export const MAX_LINE_QUANTITY = 99;

export class CartItemParamsDto {
  @IsId('Product id')
  productId!: number;
}

export class CartIdParamsDto {
  @IsId('Cart id')
  cartId!: number;
}

export class SetCartItemDto {
  @BoundedInt({ min: 1, max: MAX_LINE_QUANTITY, example: 2 })
  quantity!: number;
}

export class CartLineDto {
  @ApiProperty({ type: 'integer', example: 1 }) productId!: number;
  @ApiProperty({ example: 'Fjord Heritage Kettle' }) name!: string;
  @ApiProperty({ type: MoneyDto, description: 'Current price.' }) unitPrice!: MoneyDto;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_LINE_QUANTITY, example: 2 })
  quantity!: number;
  @ApiProperty({ type: MoneyDto }) lineTotal!: MoneyDto;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Units in stock now, over all warehouses.',
  })
  available!: number;
}

/** What one shipping method would cost for the cart now: checkout charges the same. */
export class ShippingQuoteDto {
  @ApiProperty({ enum: SHIPPING_METHODS, example: 'standard' }) method!: ShippingMethod;
  @ApiProperty({ type: MoneyDto, description: 'The cost for the cart’s current subtotal.' })
  cost!: MoneyDto;
  @ApiProperty({
    type: MoneyDto,
    nullable: true,
    description: 'The subtotal from which this method is free; null when it never is.',
  })
  freeFrom!: MoneyDto | null;
}

export class CartDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 3,
    description: 'Null until the first item is added.',
  })
  id!: number | null;
  @ApiProperty({ type: [CartLineDto] }) items!: CartLineDto[];
  @ApiProperty({ type: 'integer', example: 3 }) itemCount!: number;
  @ApiProperty({ type: MoneyDto }) subtotal!: MoneyDto;
  @ApiProperty({
    type: [ShippingQuoteDto],
    description:
      'Every shipping method, priced for this subtotal by the rule orders are charged with.',
  })
  shipping!: ShippingQuoteDto[];
}
