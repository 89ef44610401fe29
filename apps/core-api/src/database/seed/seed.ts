import { count } from 'drizzle-orm';
import { Database } from '../database';
import { categories, inventory, products, reviews, WAREHOUSES } from '../schema';
import {
  ADJECTIVES,
  AUTHORS,
  BRANDS,
  CATEGORIES,
  COLOURS,
  REVIEW_BODIES,
  REVIEW_TITLES,
  Stars,
} from './catalog-data';
import { seedDemoCustomers } from './demo-customers';
import { itemAt, Random, seededRandom } from './random';
import { SeedProgress, seedProgress } from './seed-progress';

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
export async function seedIfEmpty(
  db: Database,
  progress: SeedProgress = seedProgress(),
): Promise<SeedResult> {
  const [row] = await db.select({ n: count() }).from(products);
  if ((row?.n ?? 0) > 0) return { seeded: false, products: row?.n ?? 0, reviews: 0 };

  const { products: productRows, reviews: reviewRows, inventory: stockRows } = buildDemoCatalog();

  progress.started({
    products: productRows.length,
    reviews: reviewRows.length,
    inventory: stockRows.length,
  });
  await db.transaction(async (tx) => {
    await tx.insert(categories).values(CATEGORIES.map(({ slug, name }) => ({ slug, name })));
    for (let i = 0; i < productRows.length; i += BATCH) {
      await tx.insert(products).values(productRows.slice(i, i + BATCH));
      progress.advanced('products', Math.min(i + BATCH, productRows.length));
    }
    for (let i = 0; i < reviewRows.length; i += BATCH) {
      await tx.insert(reviews).values(reviewRows.slice(i, i + BATCH));
      progress.advanced('reviews', Math.min(i + BATCH, reviewRows.length));
    }
    for (let i = 0; i < stockRows.length; i += BATCH) {
      await tx.insert(inventory).values(stockRows.slice(i, i + BATCH));
      progress.advanced('inventory', Math.min(i + BATCH, stockRows.length));
    }
    await seedDemoCustomers(tx);
  });
  return { seeded: true, products: productRows.length, reviews: reviewRows.length };
}

/** The demo catalog's rows, the same on every machine. */
export function buildDemoCatalog() {
  const random = seededRandom(SEED);
  const productRows = buildProducts(random);
  const reviewRows = buildReviews(random, productRows.length);
  const stockRows = buildInventory(random, productRows.length);
  return { products: productRows, reviews: reviewRows, inventory: stockRows };
}

/**
 * The products: each of a kind its category sells, made from that kind's materials, priced in
 * that kind's range. (The draws per product are the same in number and order as ever, so names,
 * reviews and stock stay the same rows.)
 */
function buildProducts(random: Random): (typeof products.$inferInsert)[] {
  return Array.from({ length: SEED_PRODUCTS }, (_, index) => {
    const id = index + 1;
    const categoryIndex = index % CATEGORIES.length;
    const category = itemAt(CATEGORIES, categoryIndex);
    const brand = random.pick(BRANDS);
    const adjective = random.pick(ADJECTIVES);
    const kind = random.pick(category.kinds);
    const name = `${brand} ${adjective} ${kind.noun}`;
    const colour = random.pick(COLOURS);
    const material = random.pick(kind.materials);
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
      priceMinor: random.int(kind.price[0], kind.price[1]) * 100 - random.pick([1, 1, 5, 50]),
      currency: 'EUR',
      attributes: { colour, material, warranty: '2 years' },
      createdAt: new Date(EPOCH + (index * DAY) / 4),
    };
  });
}

/**
 * The reviews: each product has a typical rating drawn from its category's spread, and most
 * reviews give it, some one star either side, a few two below (an unhappy minority).
 */
function buildReviews(random: Random, productCount: number): (typeof reviews.$inferInsert)[] {
  const rows: (typeof reviews.$inferInsert)[] = [];
  for (let productId = 1; productId <= productCount; productId++) {
    const [low, high] = itemAt(CATEGORIES, productId - 1).quality;
    const quality = random.int(low, high); // each product has a typical rating
    const howMany = random.int(5, 16);
    for (let n = 0; n < howMany; n++) {
      const rating = Math.min(5, Math.max(1, quality + ratingNoise(random.next()))) as Stars;
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

/** One uniform draw to how far a review strays from the product's typical rating. */
function ratingNoise(draw: number): number {
  if (draw < 0.08) return -2;
  if (draw < 0.28) return -1;
  if (draw < 0.85) return 0;
  return 1;
}

function buildInventory(random: Random, productCount: number): (typeof inventory.$inferInsert)[] {
  const rows: (typeof inventory.$inferInsert)[] = [];
  for (let productId = 1; productId <= productCount; productId++) {
    // About one product in eight is sold out everywhere, so the storefront shows that state too.
    const soldOut = random.next() < 0.125;
    for (const warehouse of WAREHOUSES)
      rows.push({ productId, warehouse, quantity: soldOut ? 0 : random.int(0, 40) });
  }
  return rows;
}
