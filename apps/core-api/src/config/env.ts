import { parsePublicKeyList } from '@bff/platform-auth';
import { loadEnv, portVar, secret, serviceEnvSchema } from '@bff/platform-config';
import { z } from 'zod';

export const coreApiEnvSchema = serviceEnvSchema
  .extend({
    PORT: portVar(3000),
    /** A real PostgreSQL server; unset means embedded PGlite. */
    DATABASE_URL: secret(
      z.string().regex(/^postgres(ql)?:\/\/\S+$/, {
        error: 'must be a postgres:// or postgresql:// connection string',
      }),
    ).optional(),
    /** PGlite's data directory (relative to the working directory), or memory:// for a throw-away database. */
    PGLITE_DIR: z.string().default('.data/core-api'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Seed the demo catalog into an empty database. */
    SEED_DEMO_DATA: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('true')
      .transform((value) => value === 'true'),
    /** Callers and their Ed25519 public keys: `web-bff:<base64 SPKI>,mobile-bff:<base64 SPKI>`. */
    SERVICE_TOKEN_PUBLIC_KEYS: z
      .string()
      .transform((value, ctx) => {
        try {
          return parsePublicKeyList(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      })
      .optional(),
    /** Development only: where BFFs leave their generated dev keys (see @bff/platform-auth). */
    SERVICE_KEYS_DIR: z.string().default('.data/service-keys'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SERVICE_TOKEN_PUBLIC_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['SERVICE_TOKEN_PUBLIC_KEYS'],
        message:
          'must be set in production (caller:base64-public-key,…); development keys are never trusted there',
      });
    }
  });

export type CoreApiEnv = z.output<typeof coreApiEnvSchema>;

export const loadCoreApiEnv = (env: NodeJS.ProcessEnv = process.env): CoreApiEnv =>
  loadEnv(coreApiEnvSchema, env);
