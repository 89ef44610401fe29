import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ScreenCardPageDto } from '../../shaping/card.dto';
import { ScreenCategoryDto } from '../../shaping/category.dto';

export class CategorySlugParamsDto {
  @ApiProperty({ example: 'kitchen', pattern: '^[a-z0-9-]{1,64}$' })
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'slug must be a category slug' })
  slug!: string;
}

/** One page of a category's products, newest first. */
export class CategoryScreenDto extends ScreenCardPageDto {
  @ApiProperty({ type: ScreenCategoryDto }) category!: ScreenCategoryDto;
}
