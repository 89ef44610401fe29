import { MigrationConfig } from 'drizzle-orm/migrator';
import { DatabaseHandle } from './database';

/** Applies the SQL migrations in `folder` (apps/core-api/migrations) that have not run yet. */
export async function runMigrations(handle: DatabaseHandle, folder: string): Promise<void> {
  const config: MigrationConfig = {
    migrationsFolder: folder,
    migrationsSchema: 'drizzle',
    migrationsTable: 'migrations',
  };
  await handle.withExclusiveLock(async (db) => {
    if (handle.driver === 'pglite') {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db as Parameters<typeof migrate>[0], config);
    } else {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      await migrate(db as Parameters<typeof migrate>[0], config);
    }
  });
}
