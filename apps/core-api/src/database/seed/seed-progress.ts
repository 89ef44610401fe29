import { Logger } from '@nestjs/common';

/** Says how far the first start's seeding is: a line when it starts, then at most one per interval. */
export interface SeedProgress {
  started(totals: SeedTotals): void;
  /** `done` rows of `table` are written; reported when the interval has passed since the last line. */
  advanced(table: keyof SeedTotals, done: number): void;
}

export type SeedTotals = Record<'products' | 'reviews' | 'inventory', number>;

export interface SeedProgressOptions {
  log?: (line: string) => void;
  now?: () => number;
  /** Least time between two progress lines (default 2 s: a few lines on a slow first start). */
  intervalMs?: number;
}

const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * Progress lines for the one-time seeding of an empty database, which takes half a minute on a
 * busy machine with the embedded database and would otherwise be silent:
 * `seeding the demo catalog: products 500/500, reviews 2,000/5,299, stock 0/1,500`.
 */
export function seedProgress(options: SeedProgressOptions = {}): SeedProgress {
  const logger = new Logger('Database');
  const log = options.log ?? ((line: string) => logger.log(line));
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 2_000;
  let totals: SeedTotals = { products: 0, reviews: 0, inventory: 0 };
  const done: SeedTotals = { products: 0, reviews: 0, inventory: 0 };
  let lastAt = 0;
  return {
    started(all) {
      totals = all;
      lastAt = now();
      log(
        `The database is empty: seeding the demo catalog (${count(all.products)} products, ` +
          `${count(all.reviews)} reviews). This is a one-time step; later starts skip it.`,
      );
    },
    advanced(table, rows) {
      done[table] = rows;
      if (now() - lastAt < intervalMs) return;
      lastAt = now();
      log(
        `seeding the demo catalog: products ${count(done.products)}/${count(totals.products)}, ` +
          `reviews ${count(done.reviews)}/${count(totals.reviews)}, ` +
          `stock ${count(done.inventory)}/${count(totals.inventory)}`,
      );
    },
  };
}
