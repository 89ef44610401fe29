import { Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { aggregate, fromPageCursor, required } from '@bff/bff-kit';
import { NotFoundProblem } from '@bff/platform-problem';
import { ScreenPageQueryDto } from '../screen-query.dto';
import { CategoryScreenDto } from './category-screen.dto';
import { toCategoryScreen } from './category-screen.shaper';

@Injectable()
export class CategoryScreenService {
  constructor(private readonly core: CoreApiClient) {}

  /** The category's name and one page of its products, in parallel; 404 for an unknown slug. */
  async get(slug: string, { dpr, limit, cursor }: ScreenPageQueryDto): Promise<CategoryScreenDto> {
    // A cursor mobile-bff did not issue is the app's 400, before core-api is asked anything.
    const coreCursor = fromPageCursor(cursor);
    const { parts } = await aggregate({
      categories: required(() => this.core.getCategories()),
      page: required(() =>
        this.core.listProducts({ category: slug, sort: 'newest', limit, cursor: coreCursor }),
      ),
    });
    const category = parts.categories.items.find((c) => c.slug === slug);
    if (!category) throw new NotFoundProblem('category', slug);
    return toCategoryScreen(category, parts.page, dpr);
  }
}
