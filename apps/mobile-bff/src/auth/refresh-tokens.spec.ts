import { Logger } from '@nestjs/common';
import { ManualClock } from '@bff/platform-state';
import {
  inTurn,
  itKeepsKeysBounded,
  useMemoryStateStore,
  useRedisStateStore,
} from '@bff/platform-state/testing';
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

/** The grants of `times` sign-ins of one customer, oldest first. */
const signInManyTimes = (tokens: RefreshTokens, times: number) =>
  inTurn(times, () => tokens.start(CUSTOMER));

beforeAll(() => Logger.overrideLogger(false));

describe('RefreshTokens in memory (state that cannot grow without bound)', () => {
  const memory = useMemoryStateStore();
  let tokens: RefreshTokens;
  beforeEach(() => (tokens = new RefreshTokens(memory.store, memory.clock, OPTIONS)));

  itKeepsKeysBounded(memory, SIGN_INS, KEY_CAP, async (signIns) => {
    const newest = (await signIns(() => tokens.start(CUSTOMER))).at(-1)!;
    await expect(tokens.rotate(newest.refreshToken)).resolves.toMatchObject({
      customerId: CUSTOMER,
    });
  });

  it('revokes the oldest sign-in past REFRESH_FAMILIES_MAX_PER_CUSTOMER: its refresh and access tokens stop working', async () => {
    const [oldest, ...rest] = await signInManyTimes(tokens, OPTIONS.maxFamiliesPerCustomer + 1);
    await expect(tokens.rotate(oldest!.refreshToken)).rejects.toMatchObject({
      code: 'invalid_grant',
    });
    expect(await tokens.isRevoked(oldest!.familyId)).toBe(true);
    for (const grant of rest) expect(await tokens.isRevoked(grant.familyId)).toBe(false);
  });

  it('lets a family’s records expire with the family (absolute lifetime plus an access token)', async () => {
    await tokens.start(CUSTOMER);
    memory.clock.advance(OPTIONS.refreshAbsoluteMs + OPTIONS.accessTokenTtlMs + MINUTE - 1);
    expect(memory.store.size).toBe(2);
    memory.clock.advance(1);
    expect(memory.store.size).toBe(0);
  });
  it('keeps a spent-token marker only for the grace window and a minute, however often the app refreshes', async () => {
    let { refreshToken } = await tokens.start(CUSTOMER);
    const first = refreshToken;
    for (let i = 0; i < 1_000; i++) {
      memory.clock.advance(10 * MINUTE);
      ({ refreshToken } = await tokens.rotate(refreshToken));
      // The family, the index and the marker of the token just replaced.
      expect(memory.store.size).toBeLessThanOrEqual(3);
    }
    memory.clock.advance(OPTIONS.refreshReuseGraceMs + MINUTE);
    expect(memory.store.size).toBe(2);
    // Reuse is still caught long after the marker is gone: the token names its family.
    await expect(tokens.rotate(first)).rejects.toMatchObject({ code: 'invalid_grant' });
    await expect(tokens.rotate(refreshToken)).rejects.toMatchObject({ code: 'invalid_grant' });
  });
});

describe('RefreshTokens in Redis (state that cannot grow without bound)', () => {
  const state = useRedisStateStore('mobile-bff-refresh-spec');

  // Each key expires with its family.
  itKeepsKeysBounded(state, SIGN_INS, KEY_CAP, async (signIns) => {
    const tokens = new RefreshTokens(state.store, new ManualClock(), OPTIONS);
    const grants = await signIns(() => tokens.start(CUSTOMER));
    await expect(tokens.rotate(grants[0]!.refreshToken)).rejects.toMatchObject({
      code: 'invalid_grant',
    });
    await tokens.rotate(grants.at(-1)!.refreshToken);
    const familyTtl = OPTIONS.refreshAbsoluteMs + OPTIONS.accessTokenTtlMs + MINUTE;
    // The families and their index, and the marker of the one token just replaced.
    await state.expectKeys(KEY_CAP + 1, (key) =>
      key.includes('rt-spent:') ? OPTIONS.refreshReuseGraceMs + MINUTE : familyTtl,
    );
    expect((await state.keys()).filter((key) => key.includes('rt-spent:'))).toHaveLength(1);
  });
});
