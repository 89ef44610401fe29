import { ProductListQueryDto, ProductSort, PRODUCT_SORTS } from '@bff/core-contracts';
import { ValidationProblem } from '@bff/platform-problem';
import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { categories, products } from '../database/schema';
import { seedIfEmpty } from '../database/seed/seed';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { CategoriesService } from './categories.service';
import { CategoryNotFoundProblem, ProductListService } from './product-list.service';
import { orderFor } from './product-search';

describe(`product listing on ${process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite'}`, () => {
  let testDb: TestDatabase;
  let service: ProductListService;
  let categoriesService: CategoriesService;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await testDb.handle.withExclusiveLock(seedIfEmpty);
    categoriesService = new CategoriesService(testDb.handle.db);
    service = new ProductListService(testDb.handle.db, categoriesService);
  });
  afterAll(() => testDb?.dispose());

  const all = async (query: ProductListQueryDto) => {
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await service.list({ ...query, cursor });
      ids.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  };

  it('lists categories with their product counts', async () => {
    const { items } = await categoriesService.list();
    expect(items).toHaveLength(12);
    expect(items.reduce((sum, c) => sum + c.productCount, 0)).toBe(500);
  });

  it("computes a category's facets over all its products, not one page", async () => {
    const facets = await categoriesService.facets('kitchen');
    const items: { brand: string; price: { amountMinor: number } }[] = [];
    let cursor: string | undefined;
    do {
      const page = await service.list({ category: 'kitchen', limit: 48, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const byBrand = new Map<string, number>();
    for (const item of items) byBrand.set(item.brand, (byBrand.get(item.brand) ?? 0) + 1);
    expect(facets?.productCount).toBe(items.length);
    expect(new Map(facets?.brands.map((b) => [b.brand, b.count]))).toEqual(byBrand);
    const counts = facets!.brands.map((b) => b.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const prices = items.map((i) => i.price.amountMinor);
    expect(facets?.priceRange).toEqual({
      min: { amountMinor: Math.min(...prices), currency: 'EUR' },
      max: { amountMinor: Math.max(...prices), currency: 'EUR' },
    });
    expect(await categoriesService.facets('nope')).toBeUndefined();
  });

  it('filters by category, brand, price range and words, together', async () => {
    const page = await service.list({
      category: 'kitchen',
      brand: 'fjord',
      minPrice: 1000,
      maxPrice: 20000,
      limit: 48,
    });
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.brand).toBe('Fjord');
      expect(item.price.amountMinor).toBeGreaterThanOrEqual(1000);
      expect(item.price.amountMinor).toBeLessThanOrEqual(20000);
    }
    const kettles = await service.list({ q: 'kettle', limit: 48 });
    expect(kettles.items.every((p) => /kettle/i.test(p.name))).toBe(true);
    expect((await service.list({ q: '100%_\\' })).items).toEqual([]);
  });

  it('answers 404 for an unknown category and 400 for an inverted price range or a foreign cursor', async () => {
    await expect(service.list({ category: 'nope' })).rejects.toBeInstanceOf(
      CategoryNotFoundProblem,
    );
    await expect(service.list({ minPrice: 10, maxPrice: 5 })).rejects.toBeInstanceOf(
      ValidationProblem,
    );
    const page = await service.list({ sort: 'price_asc', limit: 5 });
    await expect(
      service.list({ sort: 'name', limit: 5, cursor: page.nextCursor ?? '' }),
    ).rejects.toBeInstanceOf(ValidationProblem);
  });

  it('gets a batch in the order asked and names the missing ids', async () => {
    const batch = await service.list({ ids: [3, 99_999, 1, 2] });
    expect(batch.items.map((p) => p.id)).toEqual([3, 1, 2]);
    expect(batch.missing).toEqual([99_999]);
  });

  it.each(PRODUCT_SORTS)(
    'pages through the whole catalogue sorted by %s, each product once',
    async (sort) => {
      const ids = await all({ sort, limit: 48 });
      expect(ids).toHaveLength(500);
      expect(new Set(ids).size).toBe(500);
    },
  );

  it('returns every product exactly once across pages, in order, while products are being added (property-based)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<ProductSort>(...PRODUCT_SORTS),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.integer({ min: 100, max: 9_000 }), { minLength: 3, maxLength: 25 }),
        fc.array(fc.integer({ min: 100, max: 9_000 }), { maxLength: 12 }),
        async (sort, limit, initialPrices, insertedPrices) => {
          // A category of its own per run keeps each run's product set small and known.
          run++;
          const [category] = await testDb.handle.db
            .insert(categories)
            .values({ slug: `prop-${run}-${Date.now()}`, name: `Property ${run}` })
            .returning();
          const insert = (price: number, n: number) =>
            testDb.handle.db
              .insert(products)
              .values({
                sku: `PROP-${category!.id}-${n}`,
                slug: `prop-${category!.id}-${n}`,
                name: `Item ${String.fromCharCode(65 + (price % 26))}${n}`,
                brand: 'Prop',
                categoryId: category!.id,
                description: 'generated',
                priceMinor: price,
                currency: 'EUR',
                createdAt: new Date(Date.UTC(2026, 0, 1) + price * 1000),
              })
              .returning({ id: products.id });
          const initial = [];
          for (const [n, price] of initialPrices.entries())
            initial.push((await insert(price, n))[0]!.id);

          const seen: number[] = [];
          let cursor: string | undefined;
          let extra = 0;
          do {
            const page = await service.list({ category: category!.slug, sort, limit, cursor });
            seen.push(...page.items.map((p) => p.id));
            cursor = page.nextCursor ?? undefined;
            // Concurrent writers: new products land between page reads.
            const price = insertedPrices[extra];
            if (price !== undefined) await insert(price, initialPrices.length + extra++);
          } while (cursor);

          expect(new Set(seen).size).toBe(seen.length); // nothing twice
          for (const id of initial) expect(seen).toContain(id); // every product that was there, once
          // In order: the same ids sorted by the database itself (its collation decides names).
          const ordered = await testDb.handle.db
            .select({ id: products.id })
            .from(products)
            .where(and(eq(products.categoryId, category!.id), inArray(products.id, seen)))
            .orderBy(...orderFor(sort));
          expect(seen).toEqual(ordered.map((r) => r.id));
        },
      ),
      { numRuns: 25, seed: 424_242 },
    );
  });
});
