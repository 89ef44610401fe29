/** Runs `act` `times` times, one after the other (e.g. a customer signing in again and again). */
export async function inTurn<T>(times: number, act: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i++) results.push(await act());
  return results;
}

/** A store whose keys a test can count: `useMemoryStateStore()`, `useRedisStateStore()`. */
export interface CountsKeys {
  keyCount(): Promise<number>;
  /** `it`, or `it.skip` where the store is not there (Redis without REDIS_URL). */
  readonly enabled?: jest.It;
  /** What the test's name ends with, e.g. which Redis. */
  readonly label?: string;
}

/**
 * Registers the test a store of per-customer state passes in memory and in Redis alike: after one
 * customer signs in `times` times, at most `cap` keys are left in `store` (state cannot grow
 * without bound). The test calls `signIns(signIn)`, which signs in and counts, and checks the rest.
 */
export function itKeepsKeysBounded(
  store: CountsKeys,
  times: number,
  cap: number,
  test: (signIns: <T>(signIn: () => Promise<T>) => Promise<T[]>) => Promise<void>,
): void {
  const run = store.enabled ?? it;
  const label = store.label ? ` (${store.label})` : '';
  const signIns = async <T>(signIn: () => Promise<T>): Promise<T[]> => {
    const results = await inTurn(times, signIn);
    expect(await store.keyCount()).toBeLessThanOrEqual(cap);
    return results;
  };
  // Thousands of sign-ins in a row: a timeout far beyond what they take on a loaded machine.
  run(
    `keeps at most ${cap} keys after one customer signs in ${times} times${label}`,
    () => test(signIns),
    120_000,
  );
}
