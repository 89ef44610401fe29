import { Inject, Injectable } from '@nestjs/common';
import { CategoryFacetsDto, CategoryListDto } from '@bff/core-contracts';
import { asc, count, desc, eq, max, min } from 'drizzle-orm';
import { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { categories, products } from '../database/schema';

@Injectable()
export class CategoriesService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(): Promise<CategoryListDto> {
    const rows = await this.db
      .select({
        id: categories.id,
        slug: categories.slug,
        name: categories.name,
        productCount: count(products.id),
      })
      .from(categories)
      .leftJoin(products, eq(products.categoryId, categories.id))
      .groupBy(categories.id)
      .orderBy(asc(categories.name));
    return { items: rows };
  }

  /** Brands with counts and the price range over every product of the category; undefined when unknown. */
  async facets(slug: string): Promise<CategoryFacetsDto | undefined> {
    const [category] = await this.db.select().from(categories).where(eq(categories.slug, slug));
    if (!category) return undefined;
    const inCategory = eq(products.categoryId, category.id);
    const [brands, prices] = await Promise.all([
      this.db
        .select({ brand: products.brand, count: count(products.id) })
        .from(products)
        .where(inCategory)
        .groupBy(products.brand)
        .orderBy(desc(count(products.id)), asc(products.brand)),
      this.db
        .select({
          currency: products.currency,
          min: min(products.priceMinor),
          max: max(products.priceMinor),
          count: count(products.id),
        })
        .from(products)
        .where(inCategory)
        .groupBy(products.currency)
        .orderBy(desc(count(products.id)), asc(products.currency))
        .limit(1),
    ]);
    const range = prices[0];
    return {
      id: category.id,
      slug: category.slug,
      name: category.name,
      productCount: brands.reduce((sum, b) => sum + b.count, 0),
      brands,
      priceRange:
        range && range.min !== null && range.max !== null
          ? {
              min: { amountMinor: range.min, currency: range.currency },
              max: { amountMinor: range.max, currency: range.currency },
            }
          : null,
    };
  }

  /** The category's id, or undefined for an unknown slug. */
  async idOf(slug: string): Promise<number | undefined> {
    const [row] = await this.db
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.slug, slug));
    return row?.id;
  }
}
