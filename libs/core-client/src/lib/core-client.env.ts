import { httpUrlVar, millisVar } from '@bff/platform-config';
import { z } from 'zod';
import type { CoreClientOptions } from './core-client.module';

/** The environment variables every BFF reads to reach core-api; spread into the BFF's schema. */
export const coreClientEnvShape = {
  CORE_API_URL: httpUrlVar('http://127.0.0.1:3000'),
  CORE_API_TIMEOUT_MS: millisVar(2_000),
  CORE_API_CONNECTIONS: z.coerce
    .number({ error: 'must be a whole number from 1 to 1024' })
    .int({ error: 'must be a whole number from 1 to 1024' })
    .min(1, { error: 'must be a whole number from 1 to 1024' })
    .max(1024, { error: 'must be a whole number from 1 to 1024' })
    .default(64),
};

export type CoreClientEnv = z.output<z.ZodObject<typeof coreClientEnvShape>>;

export function coreClientOptionsFromEnv(env: CoreClientEnv, caller: string): CoreClientOptions {
  return { baseUrl: env.CORE_API_URL, caller, timeoutMs: env.CORE_API_TIMEOUT_MS, connections: env.CORE_API_CONNECTIONS };
}
