import { Injectable, Logger } from '@nestjs/common';
import { ValidationProblem } from '@bff/platform-problem';
import { CoreApiClient } from '@bff/core-client';
import { aggregate, fromPageCursor, optional, required, toPageCursor } from '@bff/bff-kit';
import { toCard, toPrice } from '../product/product-page.shaper';
import { CATEGORY_PAGE_SIZE, CategoryPageDto, CategoryPageQueryDto } from './category-page.dto';

@Injectable()
export class CategoryPageService {
  private readonly logger = new Logger(CategoryPageService.name);

  constructor(private readonly core: CoreApiClient) {}

  /**
   * Two core-api calls in parallel: the page of products (required: an unknown category is its
   * 404) and the category's facets, computed by core-api over all its products (optional).
   */
  async get(slug: string, query: CategoryPageQueryDto): Promise<CategoryPageDto> {
    const sort = query.sort ?? 'newest';
    const cursor = fromPageCursor(query.cursor);
    // The browser's own mistake, answered here as core-api would (its 400 would also pass through).
    if (
      query.minPrice !== undefined &&
      query.maxPrice !== undefined &&
      query.minPrice > query.maxPrice
    ) {
      throw new ValidationProblem([
        {
          field: 'minPrice',
          in: 'query',
          messages: ['minPrice must not be greater than maxPrice'],
        },
      ]);
    }
    const { parts, degraded } = await aggregate(
      {
        products: required(() =>
          this.core.listProducts({
            category: slug,
            brand: query.brand,
            minPrice: query.minPrice,
            maxPrice: query.maxPrice,
            sort,
            limit: query.limit ?? CATEGORY_PAGE_SIZE,
            cursor,
          }),
        ),
        facets: optional(() => this.core.getCategoryFacets(slug)),
      },
      {
        onDegraded: (part, error) =>
          this.logger.warn(`category page ${slug}: ${part} left out (${(error as Error).message})`),
      },
    );
    const { products, facets } = parts;
    const page: CategoryPageDto = {
      category: { slug, name: facets?.name ?? titleOf(slug) },
      products: products.items.map(toCard),
      nextCursor: toPageCursor(products.nextCursor),
      sort,
      degraded,
    };
    if (facets) {
      const selected = query.brand?.toLowerCase();
      page.facets = {
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
    return page;
  }
}

/** `home-office` → `Home office`, for the heading when the facets (with the real name) are missing. */
function titleOf(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
