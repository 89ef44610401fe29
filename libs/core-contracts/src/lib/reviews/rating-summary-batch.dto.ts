import { ApiProperty } from '@nestjs/swagger';
import { IdList } from '@bff/platform-validation';
import { RatingSummaryDto } from './rating-summary.dto';

export class RatingSummaryBatchQueryDto {
  @IdList({ max: 100, description: 'Products whose rating summaries to return.', required: true })
  productIds!: number[];
}

export class RatingSummaryListDto {
  @ApiProperty({
    type: [RatingSummaryDto],
    description: 'In the order asked; unknown products are left out.',
  })
  items!: RatingSummaryDto[];
}
