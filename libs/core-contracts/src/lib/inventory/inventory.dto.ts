import { ApiProperty } from '@nestjs/swagger';

export class WarehouseStockDto {
  @ApiProperty({ example: 'central' })
  warehouse!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 12 })
  quantity!: number;
}

export class InventoryDto {
  @ApiProperty({ type: 'integer', example: 1 })
  productId!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 31,
    description: 'Sum over all warehouses.',
  })
  total!: number;

  @ApiProperty({ type: [WarehouseStockDto] })
  warehouses!: WarehouseStockDto[];
}
