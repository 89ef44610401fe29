import { CategoryDto, ProductListDto } from '@bff/core-contracts';
import { toPageCursor } from '@bff/bff-kit';
import { toCard } from '../../shaping/card.shaper';
import { toScreenCategory } from '../../shaping/category.shaper';
import { CategoryScreenDto } from './category-screen.dto';

/** A category's heading and one page of its products as cards, with mobile-bff's own cursor. */
export function toCategoryScreen(
  category: CategoryDto,
  page: ProductListDto,
  dpr?: number,
): CategoryScreenDto {
  return {
    category: toScreenCategory(category),
    items: page.items.map((item) => toCard(item, dpr)),
    nextCursor: toPageCursor(page.nextCursor),
  };
}
