import { sql } from 'drizzle-orm';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotFoundProblem } from '@bff/platform-problem';
import { ProductsService } from '../catalog/products.service';
import { InventoryService } from '../inventory/inventory.service';
import { ReviewsService } from '../reviews/reviews.service';
import { createTestDatabase, MIGRATIONS_FOLDER, TestDatabase } from '../testing/test-database';
import { runMigrations } from './migrate';
import { openDatabase } from './open-database';
import { inventory, products } from './schema';
import { SEED_PRODUCTS, seedIfEmpty } from './seed/seed';

describe(`data layer on ${process.env['DATABASE_URL'] ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}`, () => {
  let testDb: TestDatabase;
  let productsService: ProductsService;
  let reviewsService: ReviewsService;
  let inventoryService: InventoryService;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    process.stdout.write(`data-layer tests run against ${testDb.label}\n`);
    const first = await testDb.handle.withExclusiveLock(seedIfEmpty);
    expect(first.seeded).toBe(true);
    productsService = new ProductsService(testDb.handle.db);
    reviewsService = new ReviewsService(testDb.handle.db, productsService);
    inventoryService = new InventoryService(testDb.handle.db, productsService);
  });
  afterAll(() => testDb?.dispose());

  const scalar = async (query: ReturnType<typeof sql>) => {
    const result = (await testDb.handle.db.execute(query)) as unknown as {
      rows: Record<string, unknown>[];
    };
    return Number(Object.values(result.rows[0] ?? {})[0]);
  };

  it('applies migrations once; running them again changes nothing', async () => {
    await runMigrations(testDb.handle, MIGRATIONS_FOLDER);
    const files = readdirSync(MIGRATIONS_FOLDER).filter((file) => file.endsWith('.sql'));
    expect(await scalar(sql`select count(*) from drizzle.migrations`)).toBe(files.length);
  });

  it('seeds the deterministic demo catalog, and only into an empty database', async () => {
    expect(await scalar(sql`select count(*) from products`)).toBe(SEED_PRODUCTS);
    expect(await scalar(sql`select count(*) from categories`)).toBeGreaterThanOrEqual(10);
    expect(await scalar(sql`select count(*) from reviews`)).toBeGreaterThanOrEqual(5000);
    expect(await scalar(sql`select count(distinct warehouse) from inventory`)).toBe(3);
    expect((await productsService.get(1)).name).toBe('Fjord Heritage Kettle');
    expect((await productsService.get(500)).sku).toBe('SKU-00500');
    expect(await testDb.handle.withExclusiveLock(seedIfEmpty)).toMatchObject({ seeded: false });
    expect(await scalar(sql`select count(*) from products`)).toBe(SEED_PRODUCTS);
  });

  it('reads a product with its category, and 404s an unknown one', async () => {
    const product = await productsService.get(13);
    expect(product).toMatchObject({
      id: 13,
      category: { id: 1, slug: 'kitchen' },
      price: { currency: 'EUR' },
    });
    expect(product.price.amountMinor).toBeGreaterThan(0);
    await expect(productsService.get(99_999)).rejects.toBeInstanceOf(NotFoundProblem);
  });

  it('finds related products in the same category, never the product itself', async () => {
    const related = await productsService.related(13, 5);
    expect(related.items).toHaveLength(5);
    for (const item of related.items) expect(item.id).not.toBe(13);
    const categories = await Promise.all(related.items.map((item) => productsService.get(item.id)));
    expect(new Set(categories.map((p) => p.category.id))).toEqual(new Set([1]));
  });

  it('pages through every review exactly once, newest first, and agrees with the summary', async () => {
    const summary = await reviewsService.summary(42);
    const seen: { id: number; createdAt: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await reviewsService.page(42, 4, cursor);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(summary.count);
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    const times = seen.map((r) => Date.parse(r.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Object.values(summary.histogram).reduce((a, b) => a + b, 0)).toBe(summary.count);
  });

  it('sums stock over warehouses', async () => {
    const stock = await inventoryService.forProduct(3);
    expect(stock.warehouses).toHaveLength(3);
    expect(stock.total).toBe(stock.warehouses.reduce((a, w) => a + w.quantity, 0));
    await expect(inventoryService.forProduct(99_999)).rejects.toBeInstanceOf(NotFoundProblem);
  });

  it('refuses rows that break the rules, whatever the caller', async () => {
    await expect(
      testDb.handle.db.insert(inventory).values({ productId: 1, warehouse: 'west', quantity: -1 }),
    ).rejects.toThrow();
    await expect(
      testDb.handle.db
        .update(products)
        .set({ priceMinor: 0 })
        .where(sql`id = 1`),
    ).rejects.toThrow();
    expect((await productsService.get(1)).price.amountMinor).toBeGreaterThan(0);
  });
});

describe('embedded PGlite on disk', () => {
  it('keeps what was written across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pglite-'));
    try {
      const first = await openDatabase({ pgliteDir: dir });
      await runMigrations(first, MIGRATIONS_FOLDER);
      await first.withExclusiveLock(seedIfEmpty);
      await first.db
        .update(products)
        .set({ name: 'Renamed Kettle' })
        .where(sql`id = 1`);
      await first.close();

      const second = await openDatabase({ pgliteDir: dir });
      await runMigrations(second, MIGRATIONS_FOLDER);
      expect(await second.withExclusiveLock(seedIfEmpty)).toMatchObject({ seeded: false });
      expect((await new ProductsService(second.db).get(1)).name).toBe('Renamed Kettle');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
