import { ManualClock, MemoryStateStore } from '@bff/platform-state';
import { useRedisStateStore } from '@bff/platform-state/testing';
import { SessionStore, SessionTimeouts } from './session.store';

const MINUTE = 60_000;
const TIMEOUTS: SessionTimeouts = {
  idleMs: 30 * MINUTE,
  absoluteMs: 12 * 60 * MINUTE,
  maxPerCustomer: 10,
};
const ADA = { id: 7, email: 'ada@example.com', displayName: 'Ada' };
const SIGN_INS = 10_000;
// A session is its record and its last-seen time; the customer has one index of sessions.
const KEY_CAP = 2 * TIMEOUTS.maxPerCustomer + 1;

async function signInManyTimes(sessions: SessionStore, times: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < times; i++) ids.push((await sessions.create(ADA)).id);
  return ids;
}

describe('SessionStore in memory (state that cannot grow without bound)', () => {
  let clock: ManualClock;
  let store: MemoryStateStore;
  let sessions: SessionStore;

  beforeEach(() => {
    clock = new ManualClock();
    store = new MemoryStateStore(60_000, clock);
    sessions = new SessionStore(store, clock, TIMEOUTS);
  });
  afterEach(() => store.close());

  it(`keeps at most ${KEY_CAP} keys after one customer signs in ${SIGN_INS} times`, async () => {
    const ids = await signInManyTimes(sessions, SIGN_INS);
    expect(store.size).toBeLessThanOrEqual(KEY_CAP);
    // The newest sessions work; the oldest were ended, not merely forgotten by the index.
    expect(await sessions.resolve(ids.at(-1))).toMatchObject({ customer: ADA });
    expect(await sessions.resolve(ids.at(-TIMEOUTS.maxPerCustomer))).toMatchObject({
      customer: ADA,
    });
    expect(await sessions.resolve(ids.at(-TIMEOUTS.maxPerCustomer - 1))).toBeUndefined();
    expect(await sessions.resolve(ids[0])).toBeUndefined();
  }, 120_000);

  it('ends the oldest session when a customer signs in past SESSION_MAX_PER_CUSTOMER', async () => {
    const ids = await signInManyTimes(sessions, TIMEOUTS.maxPerCustomer);
    for (const id of ids) expect(await sessions.resolve(id)).toBeDefined();
    const newest = await sessions.create(ADA);
    expect(await sessions.resolve(ids[0])).toBeUndefined();
    for (const id of [...ids.slice(1), newest.id]) expect(await sessions.resolve(id)).toBeDefined();
  });

  it('frees a slot at sign-out, so the cap ends no live session early', async () => {
    const ids = await signInManyTimes(sessions, TIMEOUTS.maxPerCustomer);
    await sessions.destroy(ids[5]);
    await sessions.create(ADA);
    expect(await sessions.resolve(ids[0])).toBeDefined();
  });

  it('leaves no key behind once an abandoned session has been idle for the idle timeout', async () => {
    await sessions.create(ADA);
    clock.advance(TIMEOUTS.idleMs - 1);
    expect(store.size).toBe(3);
    clock.advance(1);
    // The index lives as long as a session could (the absolute timeout).
    expect(store.size).toBe(1);
    clock.advance(TIMEOUTS.absoluteMs);
    expect(store.size).toBe(0);
  });

  it('renews the keys with activity, but never past the absolute timeout', async () => {
    const { id } = await sessions.create(ADA);
    for (let t = 20 * MINUTE; t < TIMEOUTS.absoluteMs; t += 20 * MINUTE) {
      clock.advance(20 * MINUTE);
      expect(await sessions.resolve(id)).toBeDefined();
    }
    // Active all along: what is left of the absolute timeout (20 min here) bounds the TTL.
    clock.advance(20 * MINUTE);
    expect(store.size).toBe(0);
  });
});

describe('SessionStore in Redis (state that cannot grow without bound)', () => {
  const state = useRedisStateStore('web-bff-session-spec');
  const { enabled, keys } = state;
  let sessions: SessionStore;

  beforeAll(() => {
    if (!state.url) return;
    sessions = new SessionStore(state.store, new ManualClock(), TIMEOUTS);
  });

  enabled(
    `keeps at most ${KEY_CAP} keys after one customer signs in ${SIGN_INS} times (${state.label})`,
    async () => {
      const ids = await signInManyTimes(sessions, SIGN_INS);
      expect((await keys()).length).toBeLessThanOrEqual(KEY_CAP);
      expect(await sessions.resolve(ids.at(-1))).toBeDefined();
      expect(await sessions.resolve(ids[0])).toBeUndefined();
      // Every session key expires with the idle timeout; the index with the absolute one.
      for (const key of await keys()) {
        const ttl = await state.redis.pttl(key);
        const cap = key.includes('sessions-of:') ? TIMEOUTS.absoluteMs : TIMEOUTS.idleMs;
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(cap);
      }
    },
    120_000,
  );
});
