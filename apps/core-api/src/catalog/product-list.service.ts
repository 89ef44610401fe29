import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ProductListDto, ProductListQueryDto } from '@bff/core-contracts';
import { ProblemException, ValidationProblem } from '@bff/platform-problem';
import { and, inArray } from 'drizzle-orm';
import { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { products } from '../database/schema';
import { CategoriesService } from './categories.service';
import { toProductSummaryDto } from './product.mapper';
import {
  afterCursor,
  decodeProductCursor,
  encodeProductCursor,
  filterConditions,
  orderFor,
  queryFingerprint,
} from './product-search';

export class CategoryNotFoundProblem extends ProblemException {
  constructor(slug: string) {
    super(HttpStatus.NOT_FOUND, 'category_not_found', `No category has slug "${slug}".`);
  }
}

const LIST_PARAMETERS = [
  'category',
  'brand',
  'minPrice',
  'maxPrice',
  'q',
  'sort',
  'limit',
  'cursor',
] as const;

@Injectable()
export class ProductListService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly categories: CategoriesService,
  ) {}

  async list(query: ProductListQueryDto): Promise<ProductListDto> {
    if (query.ids) return this.batch(query);
    const sort = query.sort ?? 'newest';
    const limit = query.limit ?? 24;
    const categoryId = query.category ? await this.categories.idOf(query.category) : undefined;
    if (query.category && categoryId === undefined)
      throw new CategoryNotFoundProblem(query.category);
    const fingerprint = queryFingerprint(query, sort);
    const cursor = query.cursor ? decodeProductCursor(query.cursor, fingerprint) : undefined;
    const rows = await this.db
      .select()
      .from(products)
      .where(
        and(filterConditions(query, categoryId), cursor ? afterCursor(sort, cursor) : undefined),
      )
      .orderBy(...orderFor(sort))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toProductSummaryDto),
      nextCursor: rows.length > limit && last ? encodeProductCursor(sort, fingerprint, last) : null,
      missing: [],
    };
  }

  private async batch(query: ProductListQueryDto): Promise<ProductListDto> {
    const combined = LIST_PARAMETERS.filter((name) => query[name] !== undefined);
    if (combined.length) {
      throw new ValidationProblem(
        combined.map((field) => ({
          field,
          in: 'query',
          messages: [`${field} cannot be combined with ids`],
        })),
      );
    }
    const ids = query.ids ?? [];
    const rows = await this.db.select().from(products).where(inArray(products.id, ids));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      items: ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toProductSummaryDto(row)] : [];
      }),
      nextCursor: null,
      missing: ids.filter((id) => !byId.has(id)),
    };
  }
}
