import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseHandle } from '../database/database';
import { runMigrations } from '../database/migrate';
import { openDatabase } from '../database/open-database';

export const MIGRATIONS_FOLDER = join(__dirname, '..', '..', 'migrations');

export interface TestDatabase {
  handle: DatabaseHandle;
  /** What the test runs against, for test names and logs. */
  label: string;
  /** Connection options an app under test should use to reach the same database. */
  env: { DATABASE_URL?: string; PGLITE_DIR: string };
  dispose(): Promise<void>;
}

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or — when
 * DATABASE_URL is set — a fresh database created on that PostgreSQL server and dropped afterwards,
 * so test files never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    const handle = await openDatabase({ pgliteDir: 'memory://' });
    await runMigrations(handle, MIGRATIONS_FOLDER);
    return { handle, label: 'PGlite (in memory)', env: { PGLITE_DIR: 'memory://' }, dispose: () => handle.close() };
  }

  const name = `bff_test_${randomBytes(6).toString('hex')}`;
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), pgliteDir: 'memory://', poolSize: 5 });
  await runMigrations(handle, MIGRATIONS_FOLDER);
  return {
    handle,
    label: `PostgreSQL (${url.host}/${name})`,
    env: { DATABASE_URL: url.toString(), PGLITE_DIR: 'memory://' },
    async dispose() {
      await handle.close();
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
