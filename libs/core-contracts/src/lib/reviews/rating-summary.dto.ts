import { ApiProperty } from '@nestjs/swagger';

export class RatingHistogramDto {
  @ApiProperty({ type: 'integer', example: 3 }) '1'!: number;
  @ApiProperty({ type: 'integer', example: 1 }) '2'!: number;
  @ApiProperty({ type: 'integer', example: 4 }) '3'!: number;
  @ApiProperty({ type: 'integer', example: 9 }) '4'!: number;
  @ApiProperty({ type: 'integer', example: 12 }) '5'!: number;
}

export class RatingSummaryDto {
  @ApiProperty({ type: 'integer', example: 1 })
  productId!: number;

  @ApiProperty({ type: 'integer', example: 29 })
  count!: number;

  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 3.93,
    description: 'Mean rating to 2 decimals; null without reviews.',
  })
  average!: number | null;

  @ApiProperty({ type: RatingHistogramDto, description: 'Number of reviews per star rating.' })
  histogram!: RatingHistogramDto;
}
