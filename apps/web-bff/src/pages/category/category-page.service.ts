import { Injectable, Logger } from '@nestjs/common';
import { ValidationProblem } from '@bff/platform-problem';
import { CoreApiClient } from '@bff/core-client';
import { aggregate, fromPageCursor, optional, required } from '@bff/bff-kit';
import { CATEGORY_PAGE_SIZE, CategoryPageDto, CategoryPageQueryDto } from './category-page.dto';
import { toCategoryPage } from './category-page.shaper';

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
    return toCategoryPage({ slug, sort, brand: query.brand }, parts, degraded);
  }
}
