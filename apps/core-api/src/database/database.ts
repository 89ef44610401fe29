import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;

/** The one data-layer type the services use, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction handle, to pass to code that must run inside one. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  /** `pglite` (embedded, the default) or `postgres` (a real server, from DATABASE_URL). */
  driver: 'pglite' | 'postgres';
  /** Runs `fn` while holding an exclusive, cross-process lock (migrations, seeding). */
  withExclusiveLock<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  pgliteDir: string;
  /** Pool size for a real server. */
  poolSize?: number;
}

export { schema };
