import { Inject, Injectable } from '@nestjs/common';
import { ProductDto, RelatedProductsDto } from '@bff/core-contracts';
import { NotFoundProblem } from '@bff/platform-problem';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { Database } from '../database/database';
import { DATABASE } from '../database/database.module';
import { categories, products } from '../database/schema';
import { toProductDto, toProductSummaryDto } from './product.mapper';

@Injectable()
export class ProductsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async get(id: number): Promise<ProductDto> {
    const [row] = await this.db
      .select({ product: products, category: categories })
      .from(products)
      .innerJoin(categories, eq(products.categoryId, categories.id))
      .where(eq(products.id, id));
    if (!row) throw new NotFoundProblem('product', id);
    return toProductDto(row.product, row.category);
  }

  /** Throws 404 unless the product exists; for endpoints about a product's sub-resources. */
  async assertExists(id: number): Promise<void> {
    const [row] = await this.db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.id, id));
    if (!row) throw new NotFoundProblem('product', id);
  }

  /** Which of these product ids exist. */
  async existing(ids: number[]): Promise<Set<number>> {
    const rows = await this.db
      .select({ id: products.id })
      .from(products)
      .where(inArray(products.id, ids));
    return new Set(rows.map((row) => row.id));
  }

  /** Products of the same category, nearest in the catalogue first. */
  async related(id: number, limit: number): Promise<RelatedProductsDto> {
    const [self] = await this.db
      .select({ categoryId: products.categoryId })
      .from(products)
      .where(eq(products.id, id));
    if (!self) throw new NotFoundProblem('product', id);
    const rows = await this.db
      .select()
      .from(products)
      .where(and(eq(products.categoryId, self.categoryId), ne(products.id, id)))
      .orderBy(sql`abs(${products.id} - ${id})`, products.id)
      .limit(limit);
    return { productId: id, items: rows.map(toProductSummaryDto) };
  }
}
