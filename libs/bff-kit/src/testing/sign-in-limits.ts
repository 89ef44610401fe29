import { ManualClock } from '@bff/platform-state';
import { BffTestApp } from './bff-test-app';
import { StartBff, useBff } from './bff-hooks';
import { ADA, FakeCoreApi } from '@bff/core-client/testing';

const MINUTE = 60_000;

export interface SignInLimitedBff<T extends BffTestApp> {
  core: FakeCoreApi;
  clock: ManualClock;
  readonly app: T;
  /** The header of a client that names a new address in every request (`rotatingForwardedFor`). */
  forwardedFor(): { 'x-forwarded-for': string };
}

/**
 * Registers the hooks of a sign-in limit spec: a fake core-api, and the BFF behind one trusted
 * proxy (TRUST_PROXY=1) with a per-address limit (AUTH_RATE_LIMIT_MAX=10) above the per-account
 * one, on a manual clock. Each test starts in a fresh 15-minute window of the account's counter.
 * Its clients name addresses under `addresses` (two octets, e.g. `198.51`).
 */
export function useSignInLimitedBff<T extends BffTestApp>(
  start: StartBff<T>,
  addresses: string,
): SignInLimitedBff<T> {
  const clock = new ManualClock();
  const bff = useBff(start, { env: { TRUST_PROXY: '1', AUTH_RATE_LIMIT_MAX: '10' }, clock });
  const next = rotatingForwardedFor(addresses);
  beforeEach(() => clock.advance(16 * MINUTE));
  return {
    core: bff.core,
    clock,
    get app() {
      return bff.app;
    },
    forwardedFor: () => ({ 'x-forwarded-for': next() }),
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
  /** The status of a sign-in that succeeds. */
  signedInStatus: number;
  /** Further members expected in the 429 problem, given its Retry-After (seconds). */
  problem?: (retryAfter: number) => Record<string, unknown>;
}

/**
 * Registers the test every BFF runs under `useSignInLimitedBff`: 25 wrong-password sign-ins for
 * Ada from rotating addresses (`signIn`, each with `limited.forwardedFor()`): five reach core-api
 * and fail with 401, the rest meet 429; the right password then waits for Retry-After as well, and
 * works after. AUTH_RATE_LIMIT_MAX is above five, so only the per-account limit can stop this.
 */
export function itLimitsRotatingAddresses(
  limited: SignInLimitedBff<BffTestApp>,
  signIn: (email: string, password: string) => Promise<Response>,
  test: SignInLimitCase,
): void {
  it('meets 429 within 25 wrong-password sign-ins from rotating X-Forwarded-For addresses, and the right password waits too', () =>
    expectRotatingAddressesLimited(limited, signIn, test));
}

async function expectRotatingAddressesLimited(
  { core, clock }: SignInLimitedBff<BffTestApp>,
  signIn: (email: string, password: string) => Promise<Response>,
  test: SignInLimitCase,
): Promise<void> {
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
