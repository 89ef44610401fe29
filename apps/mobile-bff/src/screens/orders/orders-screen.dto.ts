import { ApiProperty } from '@nestjs/swagger';

export class OrderRowDto {
  @ApiProperty({ type: 'integer', example: 12 }) id!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'integer', example: 3 }) itemCount!: number;
  @ApiProperty({ type: 'integer', example: 15297, description: 'Minor units of `currency`.' })
  total!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
}

export class OrdersScreenDto {
  @ApiProperty({ type: [OrderRowDto], description: 'Newest first.' }) items!: OrderRowDto[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
}
