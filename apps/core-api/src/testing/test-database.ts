import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseHandle } from '../database/database';
import { runMigrations } from '../database/migrate';
import { openDatabase } from '../database/open-database';

export const MIGRATIONS_FOLDER = join(__dirname, '..', '..', 'migrations');

export interface FreshDatabase {
  /** What the test runs against, for test names and logs. */
  label: string;
  /** How an app (or `openDatabase`) reaches it. */
  env: { DATABASE_URL?: string; PGLITE_DIR: string };
  /** Drops it (PostgreSQL); nothing to do for in-memory PGlite. */
  dispose(): Promise<void>;
}

/**
 * An empty database for one test file: in-memory PGlite by default, or — when DATABASE_URL is
 * set — a new database on that PostgreSQL server, dropped afterwards, so test files never see
 * each other's rows.
 */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl)
    return {
      label: 'PGlite (in memory)',
      env: { PGLITE_DIR: 'memory://' },
      dispose: async () => undefined,
    };

  const name = `bff_test_${randomBytes(6).toString('hex')}`;
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    label: `PostgreSQL (${url.host}/${name})`,
    env: { DATABASE_URL: url.toString(), PGLITE_DIR: 'memory://' },
    async dispose() {
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export interface TestDatabase {
  handle: DatabaseHandle;
  label: string;
  dispose(): Promise<void>;
}

/** A fresh, migrated database with an open handle, for data-layer tests. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const fresh = await createFreshDatabase();
  const handle = await openDatabase({
    url: fresh.env.DATABASE_URL,
    pgliteDir: fresh.env.PGLITE_DIR,
    poolSize: 5,
  });
  await runMigrations(handle, MIGRATIONS_FOLDER);
  return {
    handle,
    label: fresh.label,
    async dispose() {
      await handle.close();
      await fresh.dispose();
    },
  };
}
