import { Clock, ManualClock } from '@bff/platform-state';
import { ADA } from './fake-shop';
import { FakeCoreApi } from './fake-core-api';

const MINUTE = 60_000;

/** A BFF's test start-up: its own `startWebBff` or `startMobileBff`. */
export type StartBff<T extends { url: string; close(): Promise<void> }> = (
  coreUrl: string,
  env: Record<string, string>,
  clock: Clock,
) => Promise<T>;

/**
 * Registers the hooks of a sign-in limit spec: a fake core-api, and the BFF behind one trusted
 * proxy (TRUST_PROXY=1) with a per-address limit (AUTH_RATE_LIMIT_MAX=10) above the per-account
 * one, on a manual clock. Each test starts in a fresh 15-minute window of the account's counter.
 */
export function useSignInLimitedBff<T extends { url: string; close(): Promise<void> }>(
  start: StartBff<T>,
): { core: FakeCoreApi; clock: ManualClock; readonly app: T } {
  const core = new FakeCoreApi();
  const clock = new ManualClock();
  let app: T | undefined;

  beforeAll(async () => {
    await core.start();
    app = await start(core.url, { TRUST_PROXY: '1', AUTH_RATE_LIMIT_MAX: '10' }, clock);
  });
  afterAll(async () => {
    await app?.close();
    await core.stop();
  });
  beforeEach(() => {
    core.reset();
    clock.advance(16 * MINUTE);
  });

  return {
    core,
    clock,
    get app() {
      if (!app) throw new Error('The BFF has not started (beforeAll has not run)');
      return app;
    },
  };
}

/**
 * A client that reaches the pod directly and names a new address in every request: the next
 * X-Forwarded-For value under `prefix` (two octets, e.g. `198.51`) at each call.
 */
export function rotatingForwardedFor(prefix: string): () => string {
  let address = 0;
  return () => `${prefix}.${Math.floor(++address / 250)}.${address % 250}`;
}

export interface SignInLimitCase {
  /** One sign-in attempt, each from a new X-Forwarded-For address. */
  signIn(email: string, password: string): Promise<Response>;
  core: FakeCoreApi;
  /** The clock of the BFF under test (a ManualClock). */
  clock: { advance(ms: number): void };
  /** The status of a sign-in that succeeds. */
  signedInStatus: number;
  /** Further members expected in the 429 problem, given its Retry-After (seconds). */
  problem?: (retryAfter: number) => Record<string, unknown>;
}

/**
 * 25 wrong-password sign-ins for Ada from rotating addresses: five reach core-api and fail with
 * 401, the rest meet 429; the right password then waits for Retry-After as well, and works after.
 * The BFF runs with AUTH_RATE_LIMIT_MAX above five, so only the per-account limit can stop this.
 */
export async function expectRotatingAddressesLimited(test: SignInLimitCase): Promise<void> {
  const { signIn, core, clock } = test;
  const statuses: number[] = [];
  for (let i = 0; i < 25; i++) statuses.push((await signIn(ADA.customer.email, 'wrong')).status);
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
  // Only five guesses ever reached core-api.
  expect(core.calls.filter((c) => c.url === '/auth/verify')).toHaveLength(5);

  const right = await signIn(ADA.customer.email, ADA.password);
  expect(right.status).toBe(429);
  expect(right.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const retryAfter = Number(right.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  expect(await right.json()).toMatchObject({
    status: 429,
    code: 'sign_in_limited',
    ...test.problem?.(retryAfter),
  });

  clock.advance(retryAfter * 1000);
  expect((await signIn(ADA.customer.email, ADA.password)).status).toBe(test.signedInStatus);
}
