import { loadEnv, portVar, secret, serviceEnvSchema } from '@bff/platform-config';
import { z } from 'zod';

export const coreApiEnvSchema = serviceEnvSchema.extend({
  PORT: portVar(3000),
  /** A real PostgreSQL server; unset means embedded PGlite. */
  DATABASE_URL: secret(
    z.string().regex(/^postgres(ql)?:\/\/\S+$/, { error: 'must be a postgres:// or postgresql:// connection string' }),
  ).optional(),
  /** PGlite's data directory (relative to the working directory), or memory:// for a throw-away database. */
  PGLITE_DIR: z.string().default('.data/core-api'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Seed the demo catalog into an empty database. */
  SEED_DEMO_DATA: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
});

export type CoreApiEnv = z.output<typeof coreApiEnvSchema>;

export const loadCoreApiEnv = (env: NodeJS.ProcessEnv = process.env): CoreApiEnv => loadEnv(coreApiEnvSchema, env);
