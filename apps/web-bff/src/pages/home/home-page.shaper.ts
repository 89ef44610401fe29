import { CategoryListDto, ProductListDto } from '@bff/core-contracts';
import { toCard } from '../../shaping/product-card.shaper';
import { HomePageDto, HomePageOptionalPart } from './home-page.dto';

/** core-api's answers the front page is made of; an optional one is absent when it failed. */
export interface HomePageParts {
  categories: CategoryListDto;
  featured?: ProductListDto;
  deals?: ProductListDto;
}

/** The front page: every category linked, and the newest and cheapest products as cards. */
export function toHomePage(parts: HomePageParts, degraded: HomePageOptionalPart[]): HomePageDto {
  const page: HomePageDto = {
    categories: parts.categories.items.map(({ id, slug, name, productCount }) => ({
      id,
      slug,
      name,
      productCount,
      href: `/category/${slug}`,
    })),
    degraded,
  };
  if (parts.featured) page.featured = parts.featured.items.map(toCard);
  if (parts.deals) page.deals = parts.deals.items.map(toCard);
  return page;
}
