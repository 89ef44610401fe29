// The catalog of the fake core-api: 24 products in one category, built from core-api-fixtures,
// with core-api's filters, sorts, 404s and cursor paging.
import {
  CategoryFacetsDto,
  InventoryDto,
  ProductDto,
  ProductListDto,
  ProductSummaryDto,
  RatingSummaryDto,
  RelatedProductsDto,
  ReviewPageDto,
} from '@bff/core-contracts';
import {
  aProduct,
  aProductSummary,
  aRatingSummary,
  aReview,
  anInventory,
} from './core-api-fixtures';

/** An answer other than 2xx: the fake sends it as problem+json, like core-api. */
export class FakeProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** A 400's field errors, as core-api's `ValidationProblem` lists them. */
    readonly errors?: { field: string; in: string; messages: string[] }[],
  ) {
    super(detail);
  }
}

export const notFound = (resource: string, id: string | number) =>
  new FakeProblem(404, `${resource}_not_found`, `No ${resource} has id ${id}.`);

/** Products 1…24, all in this category; any other id is a 404. */
export const FAKE_PRODUCT_COUNT = 24;
export const FAKE_CATEGORY = { id: 1, slug: 'kitchen', name: 'Kitchen' };
/** The ratings of every product's four reviews, newest first: 4.75 stars on average. */
const REVIEW_RATINGS = [5, 4, 5, 5];

/** `Product <id>`, brand Fjord (odd ids) or Vela (even ids), €10.00 plus <id> cents. */
export const fakeSummary = (id: number): ProductSummaryDto =>
  aProductSummary(id, { brand: id % 2 ? 'Fjord' : 'Vela' });

/** The product behind `fakeSummary(id)`; a higher id is a newer product. */
export function fakeProduct(id: number): ProductDto {
  const { slug, name, brand, price, images } = fakeSummary(id);
  const createdAt = new Date(Date.UTC(2025, 0, id)).toISOString();
  return aProduct({ id, slug, name, brand, price, images, category: FAKE_CATEGORY, createdAt });
}

/** Stock of product `id`: <id> units in central, one each in north and south. */
export const fakeInventory = (id: number): InventoryDto => ({
  ...anInventory({ central: id, north: 1, south: 1 }),
  productId: id,
});

export function fakeRatingSummary(id: number): RatingSummaryDto {
  const histogram: Record<string, number> = {};
  for (const stars of REVIEW_RATINGS) histogram[stars] = (histogram[stars] ?? 0) + 1;
  return { ...aRatingSummary(histogram), productId: id };
}

/** The id in a path, when such a product exists. */
export function existing(id: string | number): number {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1 || n > FAKE_PRODUCT_COUNT) throw notFound('product', id);
  return n;
}

const ALL_IDS = Array.from({ length: FAKE_PRODUCT_COUNT }, (_, i) => i + 1);

/** The ids of a batch parameter (`ids=1,2`), unknown ones included. */
const idList = (query: URLSearchParams, name: string): number[] =>
  (query.get(name) ?? '').split(',').filter(Boolean).map(Number);

/** A batch read by `productIds` (summaries, inventories): unknown products are left out. */
export const batchOf = <T>(query: URLSearchParams, read: (id: number) => T): { items: T[] } => ({
  items: idList(query, 'productIds')
    .filter((id) => ALL_IDS.includes(id))
    .map(read),
});

export const categoryList = () => ({
  items: [{ ...FAKE_CATEGORY, productCount: FAKE_PRODUCT_COUNT }],
});

const SORTS: Record<string, (a: ProductDto, b: ProductDto) => number> = {
  newest: (a, b) => b.id - a.id,
  price_asc: (a, b) => a.price.amountMinor - b.price.amountMinor || a.id - b.id,
  price_desc: (a, b) => b.price.amountMinor - a.price.amountMinor || b.id - a.id,
  name: (a, b) => a.name.localeCompare(b.name) || a.id - b.id,
};

/** GET /products: a batch by `ids`, or a filtered, sorted page of the catalog. */
export function listProducts(query: URLSearchParams): ProductListDto {
  if (query.has('ids')) {
    const ids = idList(query, 'ids');
    const known = ids.filter((id) => ALL_IDS.includes(id));
    return {
      items: known.map(fakeSummary),
      nextCursor: null,
      missing: ids.filter((id) => !known.includes(id)),
    };
  }
  const category = query.get('category');
  if (category !== null && category !== FAKE_CATEGORY.slug) throw notFound('category', category);
  const brand = query.get('brand')?.toLowerCase();
  const minPrice = Number(query.get('minPrice') ?? 0);
  const maxPrice = Number(query.get('maxPrice') ?? Infinity);
  if (minPrice > maxPrice) {
    throw new FakeProblem(
      400,
      'validation_failed',
      'minPrice: minPrice must not be greater than maxPrice',
      [
        {
          field: 'minPrice',
          in: 'query',
          messages: ['minPrice must not be greater than maxPrice'],
        },
      ],
    );
  }
  const words = (query.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const matches = ALL_IDS.map(fakeProduct).filter(
    (p) =>
      (!brand || p.brand.toLowerCase() === brand) &&
      p.price.amountMinor >= minPrice &&
      p.price.amountMinor <= maxPrice &&
      words.every((w) => `${p.name} ${p.brand} ${p.description}`.toLowerCase().includes(w)),
  );
  const sorted = matches.sort(SORTS[query.get('sort') ?? 'newest'] ?? SORTS['newest']);
  const summaries = sorted.map((p) => fakeSummary(p.id));
  return { ...pageOf(summaries, query, 24), missing: [] };
}

export function categoryFacets(slug: string): CategoryFacetsDto {
  if (slug !== FAKE_CATEGORY.slug) throw notFound('category', slug);
  const products = ALL_IDS.map(fakeSummary);
  const counts = new Map<string, number>();
  for (const { brand } of products) counts.set(brand, (counts.get(brand) ?? 0) + 1);
  const prices = products.map((p) => p.price.amountMinor);
  const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
  return {
    ...FAKE_CATEGORY,
    productCount: products.length,
    brands: [...counts]
      .map(([brand, count]) => ({ brand, count }))
      .sort((a, b) => b.count - a.count || a.brand.localeCompare(b.brand)),
    priceRange: { min: eur(Math.min(...prices)), max: eur(Math.max(...prices)) },
  };
}

/** Newest first. */
export function reviewPage(id: number, query: URLSearchParams): ReviewPageDto {
  const reviews = REVIEW_RATINGS.map((rating, i) =>
    aReview({
      id: (id - 1) * REVIEW_RATINGS.length + i + 1,
      productId: id,
      rating,
      createdAt: new Date(Date.UTC(2025, 2, REVIEW_RATINGS.length - i)).toISOString(),
    }),
  );
  return pageOf(reviews, query, 10);
}

/** The products after `id` (wrapping round), never `id` itself. */
export function relatedTo(id: number, query: URLSearchParams): RelatedProductsDto {
  const limit = Math.min(Number(query.get('limit') ?? 8), FAKE_PRODUCT_COUNT - 1);
  const ids = Array.from({ length: limit }, (_, i) => ((id + i) % FAKE_PRODUCT_COUNT) + 1);
  return { productId: id, items: ids.map(fakeSummary) };
}

/** The fake's cursors: base64url JSON (like core-api's) holding the offset of the next page. */
export const pageCursor = (offset: number): string =>
  Buffer.from(JSON.stringify({ offset })).toString('base64url');

/** One page of `items` for the query's `limit` and `cursor`; 400 for a cursor it did not issue. */
export function pageOf<T>(items: T[], query: URLSearchParams, defaultLimit: number) {
  const limit = Number(query.get('limit') ?? defaultLimit);
  const cursor = query.get('cursor');
  const offset = cursor === null ? 0 : offsetOf(cursor);
  const end = offset + limit;
  return {
    items: items.slice(offset, end),
    nextCursor: end < items.length ? pageCursor(end) : null,
  };
}

function offsetOf(cursor: string): number {
  let offset: unknown;
  try {
    ({ offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { offset?: unknown });
  } catch {
    offset = undefined;
  }
  if (Number.isSafeInteger(offset) && (offset as number) >= 0) return offset as number;
  throw new FakeProblem(
    400,
    'validation_failed',
    'cursor: cursor must be a cursor returned by a previous page',
    [
      {
        field: 'cursor',
        in: 'query',
        messages: ['cursor must be a cursor returned by a previous page'],
      },
    ],
  );
}
