// Test harness: the real mobile-bff (same options as main.ts) on 127.0.0.1 with a free port,
// against a core-api at `coreUrl` (in specs, `FakeCoreApi` from `@bff/core-client/testing`).
// Never imported by production code.
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateServiceKeyPair } from '@bff/platform-auth';
import { createApp } from '@bff/platform-bootstrap';
import { Clock } from '@bff/platform-state';
import { mobileAppOptions } from '../app/mobile-app';
import { loadMobileBffEnv } from '../config/env';

export const TEST_ACCESS_TOKEN_SECRET = 'test-access-token-secret-of-at-least-32-bytes';

export interface MobileTestApp {
  url: string;
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/** Starts mobile-bff in this process; `env` overrides the test defaults. */
export async function startMobileBff(
  coreUrl: string,
  env: Record<string, string> = {},
  clock?: Clock,
): Promise<MobileTestApp> {
  const parsed = loadMobileBffEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    CORE_API_URL: coreUrl,
    CORE_API_RETRIES: '0',
    CORE_API_CACHE: 'off',
    SERVICE_TOKEN_PRIVATE_KEY: generateServiceKeyPair().privateKey,
    ACCESS_TOKEN_SECRET: TEST_ACCESS_TOKEN_SECRET,
    RATE_LIMIT_MAX: '100000',
    AUTH_RATE_LIMIT_MAX: '100000',
    ...env,
  });
  const app = await createApp(mobileAppOptions(parsed, { clock }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  return { url, app, close: () => app.close() };
}

/** The JSON body of an answer, untyped: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const body = async (res: Response | Promise<Response>): Promise<any> => (await res).json();
