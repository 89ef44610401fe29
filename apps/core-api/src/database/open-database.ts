import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { tracePglite } from '@bff/platform-tracing';
import { sql } from 'drizzle-orm';
import { DatabaseHandle, DatabaseOptions, schema } from './database';
import { lockPgliteFolder, PgliteLock } from './pglite-lock';

/** An arbitrary constant naming core-api's advisory lock for migrations and seeding. */
const MIGRATION_LOCK_KEY = 7_240_311;

/**
 * Opens the database: a real PostgreSQL server when `url` is given (node-postgres pool),
 * otherwise embedded PGlite (PostgreSQL compiled to WebAssembly) in `pgliteDir`, which this
 * process then holds (a lock file in the folder) until it closes the database.
 * Both speak the same SQL, so the services, migrations and tests are the same for both.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url
    ? openPostgres(options.url, options.poolSize ?? 10)
    : openPglite(options.pgliteDir);
}

/**
 * Takes the PGlite folder for this process before the app is built, so that a folder another
 * core-api holds stops the start with one line (`PgliteFolderInUseError`) rather than a stack
 * from deep inside the module graph. `openDatabase` takes it again (this pid's lock) and releases
 * it when the database closes. Nothing to take for PostgreSQL or `memory://`.
 */
export function claimPgliteFolder(options: DatabaseOptions): void {
  if (options.url || options.pgliteDir === 'memory://') return;
  const dataDir = resolve(options.pgliteDir);
  mkdirSync(dataDir, { recursive: true });
  lockPgliteFolder(dataDir);
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzle({ client: pool, schema });
  return {
    db,
    driver: 'postgres',
    async withExclusiveLock(fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        return await fn(drizzle({ client, schema }));
      } finally {
        await client
          .query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
          .catch(() => undefined);
        client.release();
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

async function openPglite(dir: string): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let dataDir: string | undefined;
  let lock: PgliteLock | undefined;
  if (dir !== 'memory://') {
    dataDir = resolve(dir);
    mkdirSync(dataDir, { recursive: true });
    // Before opening: a second process on the same files would corrupt them.
    lock = lockPgliteFolder(dataDir);
  }
  const opened = await PGlite.create(dataDir ? { dataDir } : {}).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  // PGlite has no OpenTelemetry instrumentation (pg does): wrap it so queries appear in traces.
  const client = tracePglite(opened);
  const db = drizzle({ client, schema });
  return {
    db,
    driver: 'pglite',
    // PGlite is one connection owned by this process: nothing else can race it.
    withExclusiveLock: (fn) => fn(db),
    async ping() {
      await client.query('select 1');
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
