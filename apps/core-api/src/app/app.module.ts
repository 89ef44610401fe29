import { DynamicModule, Module } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { HealthModule } from '@bff/platform-health';
import { LoggingModule } from '@bff/platform-logging';
import { MetricsModule } from '@bff/platform-metrics';
import { AuthModule } from '../auth/auth.module';
import { CartsModule } from '../carts/carts.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CoreApiEnv } from '../config/env';
import { DatabaseHandle } from '../database/database';
import { DATABASE_HANDLE, DatabaseModule } from '../database/database.module';
import { CustomersModule } from '../customers/customers.module';
import { InventoryModule } from '../inventory/inventory.module';
import { OrdersModule } from '../orders/orders.module';
import { ReviewsModule } from '../reviews/reviews.module';

export interface CoreApiOptions {
  env: CoreApiEnv;
  /** Where the SQL migrations are: next to main.js in the build, apps/core-api/migrations in tests. */
  migrationsFolder: string;
}

@Module({})
export class AppModule {
  static forRoot({ env, migrationsFolder }: CoreApiOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot({ service: 'core-api', level: env.LOG_LEVEL }),
        MetricsModule.forRoot({ service: 'core-api', expose: env.METRICS_ENABLED }),
        DatabaseModule.forRoot({
          url: env.DATABASE_URL,
          pgliteDir: env.PGLITE_DIR,
          poolSize: env.DATABASE_POOL_SIZE,
          migrationsFolder,
          seed: env.SEED_DEMO_DATA,
        }),
        HealthModule.forRoot({
          details: env.HEALTH_DETAILS,
          inject: [DATABASE_HANDLE, HealthIndicatorService],
          readiness: (database: DatabaseHandle, indicator: HealthIndicatorService) => [
            async () => {
              const check = indicator.check('database');
              try {
                await database.ping();
                return check.up({ driver: database.driver });
              } catch {
                return check.down({ driver: database.driver, reason: 'ping failed' });
              }
            },
          ],
        }),
        AuthModule.forRoot(env),
        CatalogModule,
        ReviewsModule,
        InventoryModule,
        CustomersModule,
        CartsModule,
        OrdersModule,
      ],
    };
  }
}
