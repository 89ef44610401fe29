import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Database, DatabaseHandle, DatabaseOptions } from './database';
import { runMigrations } from './migrate';
import { openDatabase } from './open-database';
import { seedIfEmpty } from './seed/seed';

export const DATABASE = Symbol('DATABASE');
export const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');

export interface DatabaseModuleOptions extends DatabaseOptions {
  /** Folder of SQL migrations (apps/core-api/migrations; copied next to main.js in the build). */
  migrationsFolder: string;
  /** Seed the demo catalog when the database is empty. */
  seed: boolean;
}

/** Closes the pool (or the embedded database) when the app shuts down. */
@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_HANDLE) private readonly handle: DatabaseHandle) {}

  async onApplicationShutdown(): Promise<void> {
    await this.handle.close();
  }
}

/** Opens, migrates and (first time) seeds the database before the app accepts requests. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DATABASE_HANDLE,
          useFactory: async () => {
            const logger = new Logger('Database');
            const started = Date.now();
            const handle = await openDatabase(options);
            await runMigrations(handle, options.migrationsFolder);
            if (options.seed) {
              const result = await handle.withExclusiveLock(seedIfEmpty);
              if (result.seeded)
                logger.log(
                  `Seeded the demo catalog: ${result.products} products, ${result.reviews} reviews`,
                );
            }
            const where =
              handle.driver === 'postgres'
                ? 'PostgreSQL (DATABASE_URL)'
                : `embedded PGlite (${options.pgliteDir})`;
            logger.log(`Database ready: ${where} in ${Date.now() - started} ms`);
            return handle;
          },
        },
        {
          provide: DATABASE,
          inject: [DATABASE_HANDLE],
          useFactory: (handle: DatabaseHandle): Database => handle.db,
        },
        DatabaseCloser,
      ],
      exports: [DATABASE, DATABASE_HANDLE],
    };
  }
}
