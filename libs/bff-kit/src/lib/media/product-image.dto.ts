import { ApiProperty } from '@nestjs/swagger';
import { ProductIdParamsDto } from '@bff/core-contracts';
import { Matches } from 'class-validator';

export class ProductImageParamsDto extends ProductIdParamsDto {
  @ApiProperty({
    example: '640.svg',
    pattern: '^[1-9][0-9]{0,4}\\.svg$',
    maxLength: 9, // five digits and `.svg`, as the pattern says
    description: 'The width in pixels, `.svg`: one of the widths the product lists in `images`.',
  })
  @Matches(/^[1-9][0-9]{0,4}\.svg$/, { message: 'image must be <width>.svg' })
  image!: string;
}
