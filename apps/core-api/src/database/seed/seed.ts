import { count } from 'drizzle-orm';
import { Database } from '../database';
import { categories, inventory, products, reviews, WAREHOUSES } from '../schema';
import { ADJECTIVES, AUTHORS, BRANDS, CATEGORIES, COLOURS, MATERIALS, REVIEW_BODIES, REVIEW_TITLES, Stars } from './catalog-data';
import { seedDemoCustomers } from './demo-customers';
import { itemAt, Random, seededRandom } from './random';

export const SEED_PRODUCTS = 500;
const SEED = 20_260_101;
const EPOCH = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const BATCH = 500;

export interface SeedResult {
  seeded: boolean;
  products: number;
  reviews: number;
}

/**
 * Seeds the deterministic demo catalog when the database has no products yet, so the first start
 * of a fresh machine has data and later starts keep what was written through the API.
 * Identical input gives identical rows (and ids 1..n) on every machine.
 */
export async function seedIfEmpty(db: Database): Promise<SeedResult> {
  const [row] = await db.select({ n: count() }).from(products);
  if ((row?.n ?? 0) > 0) return { seeded: false, products: row?.n ?? 0, reviews: 0 };

  const random = seededRandom(SEED);
  const productRows = buildProducts(random);
  const reviewRows = buildReviews(random, productRows.length);
  const stockRows = buildInventory(random, productRows.length);

  await db.transaction(async (tx) => {
    await tx.insert(categories).values(CATEGORIES.map(({ slug, name }) => ({ slug, name })));
    for (let i = 0; i < productRows.length; i += BATCH) await tx.insert(products).values(productRows.slice(i, i + BATCH));
    for (let i = 0; i < reviewRows.length; i += BATCH) await tx.insert(reviews).values(reviewRows.slice(i, i + BATCH));
    for (let i = 0; i < stockRows.length; i += BATCH) await tx.insert(inventory).values(stockRows.slice(i, i + BATCH));
    await seedDemoCustomers(tx);
  });
  return { seeded: true, products: productRows.length, reviews: reviewRows.length };
}

function buildProducts(random: Random): (typeof products.$inferInsert)[] {
  return Array.from({ length: SEED_PRODUCTS }, (_, index) => {
    const id = index + 1;
    const categoryIndex = index % CATEGORIES.length;
    const category = itemAt(CATEGORIES, categoryIndex);
    const brand = random.pick(BRANDS);
    const name = `${brand} ${random.pick(ADJECTIVES)} ${random.pick(category.nouns)}`;
    const colour = random.pick(COLOURS);
    const material = random.pick(MATERIALS);
    return {
      sku: `SKU-${String(id).padStart(5, '0')}`,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id}`,
      name,
      brand,
      categoryId: categoryIndex + 1,
      description:
        `The ${name} is part of our ${category.name.toLowerCase()} range. ` +
        `Made from ${material} in ${colour}, it is built for daily use and backed by a two-year warranty. ` +
        `Designed by ${brand} to be repaired rather than replaced.`,
      priceMinor: random.int(4, 400) * 100 - random.pick([1, 1, 5, 50]),
      currency: 'EUR',
      attributes: { colour, material, warranty: '2 years' },
      createdAt: new Date(EPOCH + index * DAY / 4),
    };
  });
}

function buildReviews(random: Random, productCount: number): (typeof reviews.$inferInsert)[] {
  const rows: (typeof reviews.$inferInsert)[] = [];
  for (let productId = 1; productId <= productCount; productId++) {
    const quality = random.int(2, 5); // each product has a typical rating
    const howMany = random.int(5, 16);
    for (let n = 0; n < howMany; n++) {
      const rating = Math.min(5, Math.max(1, quality + random.int(-2, 1))) as Stars;
      rows.push({
        productId,
        rating,
        title: random.pick(REVIEW_TITLES[rating]),
        body: random.pick(REVIEW_BODIES[rating]),
        author: random.pick(AUTHORS),
        createdAt: new Date(EPOCH + random.int(0, 600) * DAY + random.int(0, DAY / 1000) * 1000),
      });
    }
  }
  return rows;
}

function buildInventory(random: Random, productCount: number): (typeof inventory.$inferInsert)[] {
  const rows: (typeof inventory.$inferInsert)[] = [];
  for (let productId = 1; productId <= productCount; productId++) {
    // About one product in eight is sold out everywhere, so the storefront shows that state too.
    const soldOut = random.next() < 0.125;
    for (const warehouse of WAREHOUSES) rows.push({ productId, warehouse, quantity: soldOut ? 0 : random.int(0, 40) });
  }
  return rows;
}
