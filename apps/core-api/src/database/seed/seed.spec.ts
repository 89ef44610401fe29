import { CATEGORIES } from './catalog-data';
import { buildDemoCatalog, SEED_PRODUCTS } from './seed';
import { seedProgress } from './seed-progress';

const catalog = buildDemoCatalog();
const categoryOf = (categoryId: number) => CATEGORIES[categoryId - 1]!;

describe('the demo catalog', () => {
  it('is the same rows on every build, in the documented numbers', () => {
    expect(buildDemoCatalog()).toEqual(catalog);
    expect(catalog.products).toHaveLength(SEED_PRODUCTS);
    expect(catalog.reviews).toHaveLength(5_299);
    expect(new Set(catalog.products.map((p) => p.categoryId)).size).toBe(12);
  });

  it('makes every product of a kind its category sells, from that kind’s materials, in its price range', () => {
    for (const product of catalog.products) {
      const category = categoryOf(product.categoryId!);
      const kind = category.kinds.find((k) => product.name.endsWith(` ${k.noun}`));
      expect(kind).toBeDefined();
      const { material } = product.attributes as { material: string };
      expect(kind!.materials).toContain(material);
      expect(product.description).toContain(`Made from ${material}`);
      // Whole euros in the range, less 1, 5 or 50 cents.
      expect(product.priceMinor).toBeGreaterThanOrEqual(kind!.price[0] * 100 - 50);
      expect(product.priceMinor).toBeLessThanOrEqual(kind!.price[1] * 100 - 1);
    }
  });

  it('prices a turntable above a whisk and makes no kettle of polyester', () => {
    const priced = (noun: string) =>
      catalog.products.filter((p) => p.name.endsWith(noun)).map((p) => p.priceMinor);
    expect(Math.min(...priced('Turntable'))).toBeGreaterThan(Math.max(...priced('Whisk')));
    expect(Math.min(...priced('Turntable'))).toBeGreaterThanOrEqual(179_50);
    const kettles = catalog.products.filter((p) => p.name.endsWith(' Kettle'));
    expect(kettles.length).toBeGreaterThan(0);
    for (const kettle of kettles)
      expect((kettle.attributes as { material: string }).material).not.toMatch(
        /polyester|cotton|oak/,
      );
  });

  it('rates each category mostly well, within its own spread, with some unhappy reviews', () => {
    for (const [index, category] of CATEGORIES.entries()) {
      const ratings = catalog.reviews
        .filter((r) => (r.productId - 1) % CATEGORIES.length === index)
        .map((r) => r.rating);
      const mean = ratings.reduce((a, b) => a + b, 0) / ratings.length;
      expect(mean).toBeGreaterThanOrEqual(category.quality[0] - 0.5);
      expect(mean).toBeLessThanOrEqual(category.quality[1]);
      expect(mean).toBeGreaterThan(3);
      expect(mean).toBeLessThan(4.7);
      expect(ratings.filter((r) => r <= 2).length).toBeGreaterThan(0);
      expect(ratings.filter((r) => r >= 4).length / ratings.length).toBeGreaterThan(0.5);
    }
  });
});

describe('seeding progress', () => {
  it('says first that seeding is a one-time step, then at most one line per interval', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = seedProgress({
      log: (line) => lines.push(line),
      now: () => now,
      intervalMs: 2_000,
    });
    progress.started({ products: 500, reviews: 5_299, inventory: 1_500 });
    expect(lines).toEqual([
      'The database is empty: seeding the demo catalog (500 products, 5,299 reviews). This is a one-time step; later starts skip it.',
    ]);
    progress.advanced('products', 500);
    now = 1_999;
    progress.advanced('reviews', 500);
    expect(lines).toHaveLength(1);
    now = 2_000;
    progress.advanced('reviews', 2_000);
    now = 2_500;
    progress.advanced('reviews', 2_500);
    expect(lines.slice(1)).toEqual([
      'seeding the demo catalog: products 500/500, reviews 2,000/5,299, stock 0/1,500',
    ]);
    now = 4_100;
    progress.advanced('inventory', 500);
    expect(lines[2]).toBe(
      'seeding the demo catalog: products 500/500, reviews 2,500/5,299, stock 500/1,500',
    );
  });
});
