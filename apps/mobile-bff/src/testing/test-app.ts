// Test harness: the real mobile-bff (same options as main.ts) on 127.0.0.1 with a free port,
// against a core-api at `coreUrl` (in specs, `FakeCoreApi` from `@bff/core-client/testing`).
// Never imported by production code.
import { BffTestApp, bffTestEnv, listenForTest } from '@bff/core-client/testing';
import { generateServiceKeyPair } from '@bff/platform-auth';
import { Clock } from '@bff/platform-state';
import { mobileAppOptions } from '../app/mobile-app';
import { loadMobileBffEnv } from '../config/env';

export const TEST_ACCESS_TOKEN_SECRET = 'test-access-token-secret-of-at-least-32-bytes';

export type MobileTestApp = BffTestApp;

/** Starts mobile-bff in this process; `env` overrides the test defaults. */
export async function startMobileBff(
  coreUrl: string,
  env: Record<string, string> = {},
  clock?: Clock,
): Promise<MobileTestApp> {
  const parsed = loadMobileBffEnv({
    ...bffTestEnv(coreUrl),
    SERVICE_TOKEN_PRIVATE_KEY: generateServiceKeyPair().privateKey,
    ACCESS_TOKEN_SECRET: TEST_ACCESS_TOKEN_SECRET,
    ...env,
  });
  // As bootstrap's run() does in production: TRUST_PROXY decides whose X-Forwarded-For counts.
  return listenForTest({ ...mobileAppOptions(parsed, { clock }), trustProxy: parsed.TRUST_PROXY });
}

/** The JSON body of an answer, untyped: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const body = async (res: Response | Promise<Response>): Promise<any> => (await res).json();
