import { ApiProperty } from '@nestjs/swagger';
import { SHIPPING_METHODS, ShippingMethod } from '@bff/core-contracts';
import { PriceDto } from '../pages/product/product-page.dto';

export class OrderLineViewDto {
  @ApiProperty({ type: 'integer' }) productId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '/product/13' }) href!: string;
  @ApiProperty({ type: PriceDto, description: 'The price when the order was placed.' })
  unitPrice!: PriceDto;
  @ApiProperty({ type: 'integer', minimum: 1 }) quantity!: number;
  @ApiProperty({ type: PriceDto }) lineTotal!: PriceDto;
}

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

export class OrderSummaryDto {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: '/orders/1' }) href!: string;
  @ApiProperty({ enum: ['placed'] }) status!: 'placed';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'integer', description: 'Units over all lines.' }) itemCount!: number;
  @ApiProperty({ type: PriceDto }) total!: PriceDto;
  @ApiProperty({ example: 'Fjord Kettle and 2 more' }) title!: string;
}

export class OrderHistoryPageDto {
  @ApiProperty({ type: [OrderSummaryDto], description: 'Newest first.' })
  orders!: OrderSummaryDto[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for older orders; null on the last page.',
  })
  nextCursor!: string | null;
}

export class OrderDetailPageDto {
  @ApiProperty({ type: OrderViewDto }) order!: OrderViewDto;
}
