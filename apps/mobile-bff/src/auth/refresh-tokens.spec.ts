import { Logger } from '@nestjs/common';
import { ManualClock, MemoryStateStore } from '@bff/platform-state';
import { useRedisStateStore } from '@bff/platform-state/testing';
import { createSecretKey } from 'node:crypto';
import { AuthOptions } from './auth.options';
import { RefreshTokens } from './refresh-tokens';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const OPTIONS: AuthOptions = {
  accessTokenKey: createSecretKey(Buffer.alloc(32, 1)),
  accessTokenTtlMs: 10 * MINUTE,
  refreshAbsoluteMs: 30 * DAY,
  refreshReuseGraceMs: 15_000,
  maxFamiliesPerCustomer: 10,
};
const CUSTOMER = 7;
const SIGN_INS = 10_000;
// One record per live family, plus the customer's index of families.
const KEY_CAP = OPTIONS.maxFamiliesPerCustomer + 1;

async function signInManyTimes(tokens: RefreshTokens, times: number) {
  const grants = [];
  for (let i = 0; i < times; i++) grants.push(await tokens.start(CUSTOMER));
  return grants;
}

beforeAll(() => Logger.overrideLogger(false));

describe('RefreshTokens in memory (state that cannot grow without bound)', () => {
  let clock: ManualClock;
  let store: MemoryStateStore;
  let tokens: RefreshTokens;

  beforeEach(() => {
    clock = new ManualClock();
    store = new MemoryStateStore(60_000, clock);
    tokens = new RefreshTokens(store, clock, OPTIONS);
  });
  afterEach(() => store.close());

  it(`keeps at most ${KEY_CAP} keys after one customer signs in ${SIGN_INS} times`, async () => {
    const grants = await signInManyTimes(tokens, SIGN_INS);
    expect(store.size).toBeLessThanOrEqual(KEY_CAP);
    const newest = grants.at(-1)!;
    await expect(tokens.rotate(newest.refreshToken)).resolves.toMatchObject({
      customerId: CUSTOMER,
    });
  }, 120_000);

  it('revokes the oldest sign-in past REFRESH_FAMILIES_MAX_PER_CUSTOMER: its refresh and access tokens stop working', async () => {
    const [oldest, ...rest] = await signInManyTimes(tokens, OPTIONS.maxFamiliesPerCustomer + 1);
    await expect(tokens.rotate(oldest!.refreshToken)).rejects.toMatchObject({
      code: 'invalid_grant',
    });
    expect(await tokens.isRevoked(oldest!.familyId)).toBe(true);
    for (const grant of rest) expect(await tokens.isRevoked(grant.familyId)).toBe(false);
  });

  it('keeps a spent-token marker only for the grace window and a minute, however often the app refreshes', async () => {
    let { refreshToken } = await tokens.start(CUSTOMER);
    const first = refreshToken;
    for (let i = 0; i < 1_000; i++) {
      clock.advance(10 * MINUTE);
      ({ refreshToken } = await tokens.rotate(refreshToken));
      // The family, the index and the marker of the token just replaced.
      expect(store.size).toBeLessThanOrEqual(3);
    }
    clock.advance(OPTIONS.refreshReuseGraceMs + MINUTE);
    expect(store.size).toBe(2);
    // Reuse is still caught long after the marker is gone: the token names its family.
    await expect(tokens.rotate(first)).rejects.toMatchObject({ code: 'invalid_grant' });
    await expect(tokens.rotate(refreshToken)).rejects.toMatchObject({ code: 'invalid_grant' });
  });

  it('lets a family’s records expire with the family (absolute lifetime plus an access token)', async () => {
    await tokens.start(CUSTOMER);
    clock.advance(OPTIONS.refreshAbsoluteMs + OPTIONS.accessTokenTtlMs + MINUTE - 1);
    expect(store.size).toBe(2);
    clock.advance(1);
    expect(store.size).toBe(0);
  });
});

describe('RefreshTokens in Redis (state that cannot grow without bound)', () => {
  const state = useRedisStateStore('mobile-bff-refresh-spec');
  const { enabled, keys } = state;
  let tokens: RefreshTokens;

  beforeAll(() => {
    if (!state.url) return;
    tokens = new RefreshTokens(state.store, new ManualClock(), OPTIONS);
  });

  enabled(
    `keeps at most ${KEY_CAP} keys after one customer signs in ${SIGN_INS} times, each expiring with its family (${state.label})`,
    async () => {
      const grants = await signInManyTimes(tokens, SIGN_INS);
      expect((await keys()).length).toBeLessThanOrEqual(KEY_CAP);
      await expect(tokens.rotate(grants[0]!.refreshToken)).rejects.toMatchObject({
        code: 'invalid_grant',
      });
      await tokens.rotate(grants.at(-1)!.refreshToken);
      const familyTtl = OPTIONS.refreshAbsoluteMs + OPTIONS.accessTokenTtlMs + MINUTE;
      for (const key of await keys()) {
        const ttl = await state.redis.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        const cap = key.includes('rt-spent:') ? OPTIONS.refreshReuseGraceMs + MINUTE : familyTtl;
        expect(ttl).toBeLessThanOrEqual(cap);
      }
      expect((await keys()).filter((key) => key.includes('rt-spent:'))).toHaveLength(1);
    },
    120_000,
  );
});
