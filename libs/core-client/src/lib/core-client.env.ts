import { httpUrlVar, millisVar, secret } from '@bff/platform-config';
import { Logger } from '@nestjs/common';
import { DevServiceKeys, parsePrivateKey } from '@bff/platform-auth';
import { KeyObject } from 'node:crypto';
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
  /** This BFF's Ed25519 private key (base64 PKCS#8 DER) for signing service tokens. */
  SERVICE_TOKEN_PRIVATE_KEY: secret(
    z.string().refine(
      (value) => {
        try {
          parsePrivateKey(value);
          return true;
        } catch {
          return false;
        }
      },
      { error: 'must be a base64 Ed25519 private key (PKCS#8 DER); make one with `npx nx run platform-auth:keygen`' },
    ),
  ).optional(),
  /** Development only: where this BFF keeps the key it generates for itself. */
  SERVICE_KEYS_DIR: z.string().default('.data/service-keys'),
};

export type CoreClientEnv = z.output<z.ZodObject<typeof coreClientEnvShape>> & { NODE_ENV: string };

/** For the BFF's schema `.superRefine()`: production must configure its signing key. */
export function requireServiceKeyInProduction(env: { NODE_ENV: string; SERVICE_TOKEN_PRIVATE_KEY?: string }, ctx: z.RefinementCtx): void {
  if (env.NODE_ENV === 'production' && !env.SERVICE_TOKEN_PRIVATE_KEY) {
    ctx.addIssue({ code: 'custom', path: ['SERVICE_TOKEN_PRIVATE_KEY'], message: 'must be set in production; development keys are never used there' });
  }
}

/** The configured key, or outside production this BFF's generated development key. */
export function serviceKeyFromEnv(env: CoreClientEnv, caller: string): KeyObject {
  if (env.SERVICE_TOKEN_PRIVATE_KEY) return parsePrivateKey(env.SERVICE_TOKEN_PRIVATE_KEY);
  if (env.NODE_ENV === 'production') throw new Error('SERVICE_TOKEN_PRIVATE_KEY must be set in production');
  const dev = new DevServiceKeys(env.SERVICE_KEYS_DIR);
  const { key, created } = dev.privateKeyFor(caller);
  new Logger('CoreClient').warn(
    `${created ? 'Generated' : 'Using'} a development service key for ${caller} in ${dev.dir} (set SERVICE_TOKEN_PRIVATE_KEY in production)`,
  );
  return key;
}

export function coreClientOptionsFromEnv(env: CoreClientEnv, caller: string): CoreClientOptions {
  return {
    baseUrl: env.CORE_API_URL,
    caller,
    timeoutMs: env.CORE_API_TIMEOUT_MS,
    connections: env.CORE_API_CONNECTIONS,
    serviceKey: serviceKeyFromEnv(env, caller),
  };
}
