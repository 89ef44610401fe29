import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CursorQuery, IsId, QueryInt } from '@bff/platform-validation';
import { MoneyDto } from '../money.dto';

export const SHIPPING_METHODS = ['standard', 'express'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];
export const ORDERS_MAX_LIMIT = 50;

export class CreateOrderDto {
  @ApiPropertyOptional({ enum: SHIPPING_METHODS, default: 'standard' })
  @IsOptional()
  @IsIn(SHIPPING_METHODS)
  shipping?: ShippingMethod;
}

export class OrderIdParamsDto {
  @IsId('Order id')
  id!: number;
}

export class OrdersQueryDto {
  @QueryInt({ min: 1, max: ORDERS_MAX_LIMIT, default: 20, description: 'Page size.' })
  limit?: number;

  @CursorQuery()
  cursor?: string;
}

export class OrderLineDto {
  @ApiProperty({ type: 'integer' }) productId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: MoneyDto, description: 'Price when the order was placed.' })
  unitPrice!: MoneyDto;
  @ApiProperty({ type: 'integer', minimum: 1 }) quantity!: number;
  @ApiProperty({ type: MoneyDto }) lineTotal!: MoneyDto;
}

export class OrderDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ enum: ['placed'], example: 'placed' }) status!: 'placed';
  @ApiProperty({ enum: SHIPPING_METHODS }) shipping!: ShippingMethod;
  @ApiProperty({ type: [OrderLineDto] }) lines!: OrderLineDto[];
  @ApiProperty({ type: MoneyDto }) subtotal!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) shippingCost!: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'subtotal + shippingCost, computed by core-api.' })
  total!: MoneyDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OrderPageDto {
  @ApiProperty({ type: [OrderDto], description: 'Newest first.' }) items!: OrderDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}
