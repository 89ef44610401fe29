import { CategoryFacetsDto, ProductListDto, ProductSort } from '@bff/core-contracts';
import { toPageCursor } from '@bff/bff-kit';
import { toPrice } from '../../shaping/money.shaper';
import { toCard } from '../../shaping/product-card.shaper';
import {
  CategoryFacetsViewDto,
  CategoryPageDto,
  CategoryPageOptionalPart,
} from './category-page.dto';

/** What the browser asked for, as far as the page repeats it. */
export interface CategoryPageRequest {
  slug: string;
  sort: ProductSort;
  brand?: string;
}

/** core-api's answers the category page is made of; the facets are absent when they failed. */
export interface CategoryPageParts {
  products: ProductListDto;
  facets?: CategoryFacetsDto;
}

/** One page of a category's products as cards, with its brand and price facets when they loaded. */
export function toCategoryPage(
  { slug, sort, brand }: CategoryPageRequest,
  { products, facets }: CategoryPageParts,
  degraded: CategoryPageOptionalPart[],
): CategoryPageDto {
  const page: CategoryPageDto = {
    category: { slug, name: facets?.name ?? titleOf(slug) },
    products: products.items.map(toCard),
    nextCursor: toPageCursor(products.nextCursor),
    sort,
    degraded,
  };
  if (facets) page.facets = toFacets(facets, brand);
  return page;
}

function toFacets(facets: CategoryFacetsDto, filter: string | undefined): CategoryFacetsViewDto {
  const selected = filter?.toLowerCase();
  return {
    productCount: facets.productCount,
    brands: facets.brands.map(({ brand, count }) => ({
      brand,
      count,
      selected: brand.toLowerCase() === selected,
    })),
    priceRange: facets.priceRange
      ? { min: toPrice(facets.priceRange.min), max: toPrice(facets.priceRange.max) }
      : null,
  };
}

/** `home-office` → `Home office`, for the heading when the facets (with the real name) are missing. */
function titleOf(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
