import { CategoryDto } from '@bff/core-contracts';
import { ScreenCategoryDto } from './category.dto';

/** Only what the app shows of a category: the slug to open it with, and its name. */
export const toScreenCategory = ({ slug, name }: CategoryDto): ScreenCategoryDto => ({
  slug,
  name,
});
