import { ApiProperty } from '@nestjs/swagger';
import { SHIPPING_METHODS, ShippingMethod } from '@bff/core-contracts';
import { PriceDto } from './money.dto';

export class OrderLineViewDto {
  @ApiProperty({ type: 'integer' }) productId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '/product/13' }) href!: string;
  @ApiProperty({ type: PriceDto, description: 'The price when the order was placed.' })
  unitPrice!: PriceDto;
  @ApiProperty({ type: 'integer', minimum: 1 }) quantity!: number;
  @ApiProperty({ type: PriceDto }) lineTotal!: PriceDto;
}

/** One order, as the order page shows it and checkout answers it. */
export class OrderViewDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: '/orders/1' }) href!: string;
  @ApiProperty({ enum: ['placed'] }) status!: 'placed';
  @ApiProperty({ enum: SHIPPING_METHODS }) shipping!: ShippingMethod;
  @ApiProperty({ type: [OrderLineViewDto] }) lines!: OrderLineViewDto[];
  @ApiProperty({ type: PriceDto }) subtotal!: PriceDto;
  @ApiProperty({ type: PriceDto }) shippingCost!: PriceDto;
  @ApiProperty({ type: PriceDto }) total!: PriceDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
