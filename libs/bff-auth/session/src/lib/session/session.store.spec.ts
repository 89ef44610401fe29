import { ManualClock } from '@bff/platform-state';
import {
  inTurn,
  itKeepsKeysBounded,
  useMemoryStateStore,
  useRedisStateStore,
} from '@bff/platform-state/testing';
import { randomUUID } from 'node:crypto';
import { SessionIdentity, SessionStore, SessionTimeouts } from './session.store';

const MINUTE = 60_000;
const TIMEOUTS: SessionTimeouts = {
  idleMs: 30 * MINUTE,
  absoluteMs: 12 * 60 * MINUTE,
  maxPerCustomer: 10,
};
const ADA = { id: 7, email: 'ada@example.com', displayName: 'Ada' };
const SIGN_INS = 10_000;
/** Each sign-in at the provider: a new provider session (`sid`), tokens that need no refresh. */
const signedIn = (): SessionIdentity => ({
  subject: 'ada-subject',
  sid: randomUUID(),
  tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: Date.UTC(2100, 0, 1) },
});
// A session is its record, its last-seen time and its provider session's index; the customer
// has one index of sessions.
const KEY_CAP = 3 * TIMEOUTS.maxPerCustomer + 1;

/** The ids of `times` sessions of one customer, oldest first. */
const signInManyTimes = (sessions: SessionStore, times: number): Promise<string[]> =>
  inTurn(times, async () => (await sessions.create(ADA, signedIn())).id);

describe('SessionStore in memory (state that cannot grow without bound)', () => {
  const memory = useMemoryStateStore();
  let sessions: SessionStore;
  beforeEach(() => (sessions = new SessionStore(memory.store, memory.clock, TIMEOUTS)));

  itKeepsKeysBounded(memory, SIGN_INS, KEY_CAP, async (signIns) => {
    const ids = (await signIns(() => sessions.create(ADA, signedIn()))).map(
      (session) => session.id,
    );
    // The newest sessions work; the oldest were ended, not merely forgotten by the index.
    expect(await sessions.resolve(ids.at(-1))).toMatchObject({ customer: ADA });
    expect(await sessions.resolve(ids.at(-TIMEOUTS.maxPerCustomer))).toMatchObject({
      customer: ADA,
    });
    expect(await sessions.resolve(ids.at(-TIMEOUTS.maxPerCustomer - 1))).toBeUndefined();
    expect(await sessions.resolve(ids[0])).toBeUndefined();
  });

  it('ends the oldest session when a customer signs in past SESSION_MAX_PER_CUSTOMER', async () => {
    const ids = await signInManyTimes(sessions, TIMEOUTS.maxPerCustomer);
    for (const id of ids) expect(await sessions.resolve(id)).toBeDefined();
    const newest = await sessions.create(ADA, signedIn());
    expect(await sessions.resolve(ids[0])).toBeUndefined();
    for (const id of [...ids.slice(1), newest.id]) expect(await sessions.resolve(id)).toBeDefined();
  });

  it('frees a slot at sign-out, so the cap ends no live session early', async () => {
    const ids = await signInManyTimes(sessions, TIMEOUTS.maxPerCustomer);
    await sessions.destroy(ids[5]);
    await sessions.create(ADA, signedIn());
    expect(await sessions.resolve(ids[0])).toBeDefined();
  });

  it('leaves no key behind once an abandoned session has been idle for the idle timeout', async () => {
    await sessions.create(ADA, signedIn());
    memory.clock.advance(TIMEOUTS.idleMs - 1);
    expect(memory.store.size).toBe(4);
    memory.clock.advance(1);
    // The indexes live as long as a session could (the absolute timeout).
    expect(memory.store.size).toBe(2);
    memory.clock.advance(TIMEOUTS.absoluteMs);
    expect(memory.store.size).toBe(0);
  });

  it('ends every session of a subject, or of one provider session, and hands back their records', async () => {
    const one = await sessions.create(ADA, signedIn());
    const two = await sessions.create(ADA, signedIn());
    const grace = await sessions.create({ ...ADA, id: 8 }, { ...signedIn(), subject: 'grace' });
    const bySid = await sessions.endProviderSession(one.record.sid!);
    expect(bySid.map((r) => r.sid)).toEqual([one.record.sid]);
    expect(await sessions.resolve(one.id)).toBeUndefined();
    expect(await sessions.resolve(two.id)).toBeDefined();
    expect((await sessions.endSubject('ada-subject')).map((r) => r.sid)).toEqual([two.record.sid]);
    expect(await sessions.resolve(two.id)).toBeUndefined();
    expect(await sessions.resolve(grace.id)).toBeDefined();
    // Ending is done once: a second call finds nothing to revoke.
    expect(await sessions.endSubject('ada-subject')).toEqual([]);
  });

  it('never brings an ended session back when refreshed tokens are written after it ended', async () => {
    const { id, record } = await sessions.create(ADA, signedIn());
    const tokens = { accessToken: 'a2', refreshToken: 'r2', expiresAt: Date.UTC(2100, 0, 2) };
    expect(await sessions.replaceTokens(id, record, tokens)).toBe(true);
    expect((await sessions.resolve(id))?.tokens).toEqual(tokens);
    await sessions.destroy(id);
    expect(await sessions.replaceTokens(id, record, tokens)).toBe(false);
    expect(await sessions.resolve(id)).toBeUndefined();
    expect(memory.store.size).toBe(0);
  });

  it('renews the keys with activity, but never past the absolute timeout', async () => {
    const { id } = await sessions.create(ADA, signedIn());
    for (let t = 20 * MINUTE; t < TIMEOUTS.absoluteMs; t += 20 * MINUTE) {
      memory.clock.advance(20 * MINUTE);
      expect(await sessions.resolve(id)).toBeDefined();
    }
    // Active all along: what is left of the absolute timeout (20 min here) bounds the TTL.
    memory.clock.advance(20 * MINUTE);
    expect(memory.store.size).toBe(0);
  });
});

describe('SessionStore in Redis (state that cannot grow without bound)', () => {
  const state = useRedisStateStore('bff-session-store-spec');

  itKeepsKeysBounded(state, SIGN_INS, KEY_CAP, async (signIns) => {
    const sessions = new SessionStore(state.store, new ManualClock(), TIMEOUTS);
    const created = await signIns(() => sessions.create(ADA, signedIn()));
    expect(await sessions.resolve(created.at(-1)?.id)).toBeDefined();
    expect(await sessions.resolve(created[0]?.id)).toBeUndefined();
    // Every session key expires with the idle timeout; the index with the absolute one.
    await state.expectKeys(KEY_CAP, (key) =>
      key.includes('sessions-of') ? TIMEOUTS.absoluteMs : TIMEOUTS.idleMs,
    );
  });
});
