import { ApiProperty } from '@nestjs/swagger';
import { IdList } from '@bff/platform-validation';
import { InventoryDto } from './inventory.dto';

export class InventoryBatchQueryDto {
  @IdList({ max: 100, description: 'Products whose stock to return.', required: true })
  productIds!: number[];
}

export class InventoryListDto {
  @ApiProperty({
    type: [InventoryDto],
    description: 'In the order asked; unknown products are left out.',
  })
  items!: InventoryDto[];
}
