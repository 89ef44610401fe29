import { ApiProperty } from '@nestjs/swagger';
import { SHIPPING_METHODS, ShippingMethod } from '@bff/core-contracts';

export class OrderScreenLineDto {
  @ApiProperty({ type: 'integer' }) productId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) quantity!: number;
  @ApiProperty({ type: 'integer', description: 'Minor units of `currency`.' }) lineTotal!: number;
}

/** One order, as the order screen (and the checkout confirmation) draws it. */
export class OrderScreenDto {
  @ApiProperty({ type: 'integer', example: 12 }) id!: number;
  @ApiProperty({ enum: ['placed'] }) status!: 'placed';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ enum: SHIPPING_METHODS }) shipping!: ShippingMethod;
  @ApiProperty({ type: [OrderScreenLineDto] }) lines!: OrderScreenLineDto[];
  @ApiProperty({ type: 'integer' }) subtotal!: number;
  @ApiProperty({ type: 'integer' }) shippingCost!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
}
