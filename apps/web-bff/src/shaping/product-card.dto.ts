import { ApiProperty } from '@nestjs/swagger';
import { PriceDto } from './money.dto';

/** A product in a list (home, category, related products): what its card shows. */
export class ProductCardDto {
  @ApiProperty({ type: 'integer', example: 13 }) id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() brand!: string;
  @ApiProperty({ type: PriceDto }) price!: PriceDto;
  @ApiProperty({
    example: '/media/products/13/320.svg',
    description: 'Served by web-bff: `GET /media/products/{id}/{image}` (SVG).',
  })
  image!: string;
  @ApiProperty({ example: '/product/13' }) href!: string;
}
