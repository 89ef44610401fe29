import { ProductListQueryDto, ProductSort } from '@bff/core-contracts';
import { ValidationProblem } from '@bff/platform-problem';
import { and, asc, desc, eq, gte, ilike, lte, or, SQL, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { products } from '../database/schema';

/** The position after the last product of a page, in the page's sort order. */
export interface ProductCursor {
  key: string | number;
  id: number;
}

type ProductRow = typeof products.$inferSelect;

/** Per sort: the ORDER BY, the key stored in cursors, and the keyset condition "after the cursor". */
const SORTS: Record<
  ProductSort,
  { order: SQL[]; key: (row: ProductRow) => string | number; after: (c: ProductCursor) => SQL }
> = {
  newest: {
    order: [desc(products.createdAt), desc(products.id)],
    key: (row) => row.createdAt.toISOString(),
    after: (c) =>
      sql`(${products.createdAt}, ${products.id}) < (${new Date(String(c.key))}, ${c.id})`,
  },
  price_asc: {
    order: [asc(products.priceMinor), asc(products.id)],
    key: (row) => row.priceMinor,
    after: (c) => sql`(${products.priceMinor}, ${products.id}) > (${Number(c.key)}, ${c.id})`,
  },
  price_desc: {
    order: [desc(products.priceMinor), desc(products.id)],
    key: (row) => row.priceMinor,
    after: (c) => sql`(${products.priceMinor}, ${products.id}) < (${Number(c.key)}, ${c.id})`,
  },
  name: {
    order: [asc(products.name), asc(products.id)],
    key: (row) => row.name,
    after: (c) => sql`(${products.name}, ${products.id}) > (${String(c.key)}, ${c.id})`,
  },
};

export const orderFor = (sort: ProductSort): SQL[] => SORTS[sort].order;
export const afterCursor = (sort: ProductSort, cursor: ProductCursor): SQL =>
  SORTS[sort].after(cursor);

/** WHERE conditions for the filters of a list query (the category is resolved to its id first). */
export function filterConditions(
  query: ProductListQueryDto,
  categoryId: number | undefined,
): SQL | undefined {
  if (
    query.minPrice !== undefined &&
    query.maxPrice !== undefined &&
    query.minPrice > query.maxPrice
  ) {
    throw new ValidationProblem([
      { field: 'minPrice', in: 'query', messages: ['minPrice must not be greater than maxPrice'] },
    ]);
  }
  const words = (query.q ?? '')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return and(
    categoryId !== undefined ? eq(products.categoryId, categoryId) : undefined,
    query.brand ? sql`lower(${products.brand}) = ${query.brand.toLowerCase()}` : undefined,
    query.minPrice !== undefined ? gte(products.priceMinor, query.minPrice) : undefined,
    query.maxPrice !== undefined ? lte(products.priceMinor, query.maxPrice) : undefined,
    ...words.map((word) => {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return or(
        ilike(products.name, pattern),
        ilike(products.brand, pattern),
        ilike(products.description, pattern),
      );
    }),
  );
}

/** A short fingerprint of the filters and sort, kept in the cursor so it cannot be reused with others. */
export function queryFingerprint(query: ProductListQueryDto, sort: ProductSort): string {
  const { category, brand, minPrice, maxPrice, q } = query;
  return createHash('sha256')
    .update(JSON.stringify([category, brand?.toLowerCase(), minPrice, maxPrice, q, sort]))
    .digest('base64url')
    .slice(0, 10);
}

export const encodeProductCursor = (
  sort: ProductSort,
  fingerprint: string,
  row: ProductRow,
): string => encodeCursor({ f: fingerprint, k: SORTS[sort].key(row), i: row.id });

export const decodeProductCursor = (raw: string, fingerprint: string): ProductCursor =>
  decodeCursor(raw, ({ f, k, i }) =>
    f === fingerprint &&
    (typeof k === 'string' || typeof k === 'number') &&
    Number.isSafeInteger(i) &&
    (i as number) > 0
      ? { key: k, id: i as number }
      : undefined,
  );
