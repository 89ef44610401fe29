import { httpUrlVar, millisVar, secret, wholeNumberVar } from '@bff/platform-config';
import { Logger } from '@nestjs/common';
import { DevServiceKeys, parsePrivateKey } from '@bff/platform-auth';
import { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { CoreClientOptions } from './core-client.module';
import { operationSettingsVar, splitOperationSettings } from './operation-settings.env';

/** The environment variables every BFF reads to reach core-api; spread into the BFF's schema. */
export const coreClientEnvShape = {
  CORE_API_URL: httpUrlVar('http://127.0.0.1:3000'),
  /** Longest one attempt may take. */
  CORE_API_TIMEOUT_MS: millisVar(1_000),
  /** Longest a whole call may take, retries included. */
  CORE_API_DEADLINE_MS: millisVar(3_000),
  /** Retries of idempotent calls on connection errors, 408, 429, 502, 503, 504. */
  CORE_API_RETRIES: wholeNumberVar(2, { min: 0, max: 5 }),
  CORE_API_RETRY_BACKOFF_MS: millisVar(100),
  /** Circuit breaker per downstream group: failure share over a window, or a run of failures. */
  CORE_API_BREAKER_THRESHOLD: z.coerce
    .number({ error: 'must be a number above 0 and at most 1' })
    .gt(0, { error: 'must be a number above 0 and at most 1' })
    .max(1, { error: 'must be a number above 0 and at most 1' })
    .default(0.5),
  CORE_API_BREAKER_WINDOW_MS: millisVar(10_000),
  CORE_API_BREAKER_MIN_CALLS: wholeNumberVar(20, { min: 1, max: 100_000 }),
  CORE_API_BREAKER_CONSECUTIVE_FAILURES: wholeNumberVar(5, { min: 1, max: 10_000 }),
  CORE_API_BREAKER_HALF_OPEN_MS: millisVar(5_000),
  /** Bulkhead per downstream group: concurrent calls, and how many more may wait. */
  CORE_API_BULKHEAD_LIMIT: wholeNumberVar(64, { min: 1, max: 10_000 }),
  CORE_API_BULKHEAD_QUEUE: wholeNumberVar(256, { min: 0, max: 100_000 }),
  /** Per-operation timeouts, retries and cache TTLs as JSON (operation-settings.env.ts). */
  CORE_API_OPERATIONS: operationSettingsVar.optional(),
  /** Response cache of public catalog reads: on by default. */
  CORE_API_CACHE: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  CORE_API_CACHE_MAX_ENTRIES: wholeNumberVar(5_000, { min: 1, max: 10_000_000 }),
  /** How long past its TTL a cached answer may be served while core-api fails. */
  CORE_API_CACHE_STALE_MS: millisVar(60_000),
  /** Share the response cache between replicas through Redis (e.g. redis://127.0.0.1:6379). */
  REDIS_URL: secret(
    z.string().refine((value) => /^rediss?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
      error: 'must be a redis:// or rediss:// URL',
    }),
  ).optional(),
  CORE_API_CONNECTIONS: wholeNumberVar(64, { min: 1, max: 1024 }),
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
      {
        error:
          'must be a base64 Ed25519 private key (PKCS#8 DER); make one with `npx nx run platform-auth:keygen`',
      },
    ),
  ).optional(),
  /** Development only: where this BFF keeps the key it generates for itself. */
  SERVICE_KEYS_DIR: z.string().default('.data/service-keys'),
};

export type CoreClientEnv = z.output<z.ZodObject<typeof coreClientEnvShape>> & { NODE_ENV: string };

/** For the BFF's schema `.superRefine()`: production must configure its signing key. */
export function requireServiceKeyInProduction(
  env: { NODE_ENV: string; SERVICE_TOKEN_PRIVATE_KEY?: string },
  ctx: z.RefinementCtx,
): void {
  if (env.NODE_ENV === 'production' && !env.SERVICE_TOKEN_PRIVATE_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['SERVICE_TOKEN_PRIVATE_KEY'],
      message: 'must be set in production; development keys are never used there',
    });
  }
}

/** The configured key, or outside production this BFF's generated development key. */
export function serviceKeyFromEnv(env: CoreClientEnv, caller: string): KeyObject {
  if (env.SERVICE_TOKEN_PRIVATE_KEY) return parsePrivateKey(env.SERVICE_TOKEN_PRIVATE_KEY);
  if (env.NODE_ENV === 'production')
    throw new Error('SERVICE_TOKEN_PRIVATE_KEY must be set in production');
  const dev = new DevServiceKeys(env.SERVICE_KEYS_DIR);
  const { key, created } = dev.privateKeyFor(caller);
  new Logger('CoreClient').warn(
    `${created ? 'Generated' : 'Using'} a development service key for ${caller} in ${dev.dir} (set SERVICE_TOKEN_PRIVATE_KEY in production)`,
  );
  return key;
}

export function coreClientOptionsFromEnv(env: CoreClientEnv, caller: string): CoreClientOptions {
  const { operations, cacheTtls } = splitOperationSettings(env.CORE_API_OPERATIONS);
  return {
    baseUrl: env.CORE_API_URL,
    caller,
    timeoutMs: env.CORE_API_TIMEOUT_MS,
    connections: env.CORE_API_CONNECTIONS,
    serviceKey: serviceKeyFromEnv(env, caller),
    resilience: {
      attemptTimeoutMs: env.CORE_API_TIMEOUT_MS,
      deadlineMs: env.CORE_API_DEADLINE_MS,
      retries: env.CORE_API_RETRIES,
      backoffBaseMs: env.CORE_API_RETRY_BACKOFF_MS,
      breakerThreshold: env.CORE_API_BREAKER_THRESHOLD,
      breakerWindowMs: env.CORE_API_BREAKER_WINDOW_MS,
      breakerMinCalls: env.CORE_API_BREAKER_MIN_CALLS,
      breakerConsecutiveFailures: env.CORE_API_BREAKER_CONSECUTIVE_FAILURES,
      breakerHalfOpenAfterMs: env.CORE_API_BREAKER_HALF_OPEN_MS,
      bulkheadLimit: env.CORE_API_BULKHEAD_LIMIT,
      bulkheadQueue: env.CORE_API_BULKHEAD_QUEUE,
    },
    operations,
    cache:
      env.CORE_API_CACHE === 'off'
        ? false
        : {
            maxEntries: env.CORE_API_CACHE_MAX_ENTRIES,
            staleMs: env.CORE_API_CACHE_STALE_MS,
            ttls: cacheTtls,
            redisUrl: env.REDIS_URL,
          },
  };
}
