import { CategoryListDto, ProductListDto } from '@bff/core-contracts';
import { toCard } from '../../shaping/card.shaper';
import { toScreenCategory } from '../../shaping/category.shaper';
import { HomeScreenDto, HomeScreenOptionalPart } from './home-screen.dto';

/** core-api's answers the start screen is made of; `featured` is absent when it failed. */
export interface HomeScreenParts {
  categories: CategoryListDto;
  featured?: ProductListDto;
}

/** The start screen: every category, and the newest products as cards for the `dpr`. */
export function toHomeScreen(
  parts: HomeScreenParts,
  degraded: HomeScreenOptionalPart[],
  dpr?: number,
): HomeScreenDto {
  const screen: HomeScreenDto = {
    categories: parts.categories.items.map(toScreenCategory),
    degraded,
  };
  if (parts.featured) screen.featured = parts.featured.items.map((item) => toCard(item, dpr));
  return screen;
}
