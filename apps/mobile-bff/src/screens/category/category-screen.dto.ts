import { ApiProperty } from '@nestjs/swagger';
import { CategorySlug } from '@bff/platform-validation';
import { ScreenCardPageDto } from '../../shaping/card.dto';
import { ScreenCategoryDto } from '../../shaping/category.dto';

export class CategorySlugParamsDto {
  @CategorySlug()
  slug!: string;
}

/** One page of a category's products, newest first. */
export class CategoryScreenDto extends ScreenCardPageDto {
  @ApiProperty({ type: ScreenCategoryDto }) category!: ScreenCategoryDto;
}
