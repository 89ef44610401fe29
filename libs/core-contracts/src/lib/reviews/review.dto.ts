import { ApiProperty } from '@nestjs/swagger';

export class ReviewDto {
  @ApiProperty({ type: 'integer', example: 17 })
  id!: number;

  @ApiProperty({ type: 'integer', example: 1 })
  productId!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 4 })
  rating!: number;

  @ApiProperty({ example: 'Sharp and well balanced' })
  title!: string;

  @ApiProperty({ example: 'Holds its edge after months of daily use.' })
  body!: string;

  @ApiProperty({ example: 'Maya K.' })
  author!: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-14T09:26:53.000Z' })
  createdAt!: string;
}

export class ReviewPageDto {
  @ApiProperty({ type: [ReviewDto], description: 'Newest first.' })
  items!: ReviewDto[];

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'eyJjIjoiMjAyNS0wMy0xNFQwOToyNjo1My4wMDBaIiwiaSI6MTd9',
    description: 'Pass as `cursor` to get the next page; null on the last page.',
  })
  nextCursor!: string | null;
}
