import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, CreateAppOptions } from '@bff/platform-bootstrap';

/** A BFF started in the test's own process, listening on 127.0.0.1. */
export interface BffTestApp {
  url: string;
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/**
 * What every BFF's HTTP specs start from: core-api at `coreUrl` (usually `FakeCoreApi`), no
 * retries and no cache (each test sees every call it causes), silent logs, rate limits out of the
 * way, and time limits a loaded machine cannot eat (a spec that tests a timeout sets its own). A
 * spec's own `env` goes on top.
 */
export const bffTestEnv = (coreUrl: string): Record<string, string> => ({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  CORE_API_URL: coreUrl,
  CORE_API_CACHE: 'off',
  CORE_API_RETRIES: '0',
  CORE_API_TIMEOUT_MS: '10000',
  CORE_API_DEADLINE_MS: '30000',
  RATE_LIMIT_MAX: '100000',
  AUTH_RATE_LIMIT_MAX: '100000',
});

/**
 * Builds the app exactly as main.ts does (`createApp`) and listens on 127.0.0.1: on port 0 (a
 * free one), or on `port` when another process must know the address beforehand (an identity
 * provider that calls the BFF back; take it from `freePort()`).
 */
export async function listenForTest(options: CreateAppOptions, port = 0): Promise<BffTestApp> {
  const app = await createApp(options);
  await app.listen({ port, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url, app, close: () => app.close() };
}
