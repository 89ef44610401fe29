import { ApiProperty } from '@nestjs/swagger';
import { PriceDto } from '../../shaping/money.dto';
import { OrderViewDto } from '../../shaping/order.dto';

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
