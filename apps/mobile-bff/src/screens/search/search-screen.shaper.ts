import { ProductListDto } from '@bff/core-contracts';
import { toPageCursor } from '@bff/bff-kit';
import { ScreenCardPageDto } from '../../shaping/card.dto';
import { toCard } from '../../shaping/card.shaper';

/** One page of search results as cards, with mobile-bff's own cursor. */
export function toSearchScreen(page: ProductListDto, dpr?: number): ScreenCardPageDto {
  return {
    items: page.items.map((item) => toCard(item, dpr)),
    nextCursor: toPageCursor(page.nextCursor),
  };
}
