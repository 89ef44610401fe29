import { Inject, Injectable } from '@nestjs/common';
import { CategoryListDto } from '@bff/core-contracts';
import { asc, count, eq } from 'drizzle-orm';
import { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { categories, products } from '../database/schema';

@Injectable()
export class CategoriesService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(): Promise<CategoryListDto> {
    const rows = await this.db
      .select({ id: categories.id, slug: categories.slug, name: categories.name, productCount: count(products.id) })
      .from(categories)
      .leftJoin(products, eq(products.categoryId, categories.id))
      .groupBy(categories.id)
      .orderBy(asc(categories.name));
    return { items: rows };
  }

  /** The category's id, or undefined for an unknown slug. */
  async idOf(slug: string): Promise<number | undefined> {
    const [row] = await this.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
    return row?.id;
  }
}
