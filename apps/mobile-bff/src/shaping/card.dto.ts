import { ApiProperty } from '@nestjs/swagger';

/** A product card in a list: what the card draws. Price in minor units; the app formats it. */
export class ScreenCardDto {
  @ApiProperty({ type: 'integer', example: 13 }) id!: number;
  @ApiProperty({ example: 'Tidewater Urban Kettle' }) name!: string;
  @ApiProperty({ type: 'integer', example: 4250, description: 'Minor units of `currency`.' })
  price!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({
    example: '/media/products/13/160.svg',
    description:
      'A thumbnail for the `dpr`, served by mobile-bff: `GET /media/products/{id}/{image}` (SVG).',
  })
  image!: string;
}

/** A cursor page of cards. */
export class ScreenCardPageDto {
  @ApiProperty({ type: [ScreenCardDto] }) items!: ScreenCardDto[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
}
