import { randomUUID } from 'node:crypto';
import { ManualClock } from './clock';
import { MemoryStateStore } from './memory-state-store';
import { RedisStateStore } from './redis-state-store';
import { StateStore } from './state-store';

const REDIS_URL = process.env['REDIS_URL'];
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A store and the way its time passes: a ManualClock moved at once, or (Redis) real time slept through. */
interface Subject {
  store: StateStore;
  pass(ms: number): Promise<void>;
}

/**
 * A time to live far beyond what the calls between setting and checking take on a loaded machine
 * (they need milliseconds); checks past it move a ManualClock, or sleep only on Redis.
 */
const TTL_MS = 1_000;

/** The same contract for both stores: a caller cannot tell which one it was given. */
function behavesAsAStateStore(name: string, make: () => Subject, enabled = true) {
  const describeIf = enabled ? describe : describe.skip;
  describeIf(name, () => {
    let store: StateStore;
    let pass: (ms: number) => Promise<void>;
    let key: (suffix: string) => string;

    beforeEach(() => {
      ({ store, pass } = make());
      const run = randomUUID();
      key = (suffix) => `${run}:${suffix}`;
    });
    afterEach(() => store.close());

    it('hands back a copy of what was stored, and nothing for an unknown key', async () => {
      const value = { customerId: 7, roles: ['buyer'] };
      await store.set(key('a'), value, 10_000);
      value.roles.push('mutated');
      expect(await store.get(key('a'))).toEqual({ customerId: 7, roles: ['buyer'] });
      expect(await store.get(key('missing'))).toBeUndefined();
    });

    it('forgets a value once its time to live has passed', async () => {
      await store.set(key('short'), 1, TTL_MS);
      expect(await store.get(key('short'))).toBe(1);
      await pass(TTL_MS + 500);
      expect(await store.get(key('short'))).toBeUndefined();
    });

    it('lets exactly one of twenty concurrent setIfAbsent calls store its value', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.setIfAbsent(key('once'), i, 10_000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.get(key('once'))).toBe(results.indexOf(true));
    });

    it('gives a value to exactly one of twenty concurrent takers and deletes it', async () => {
      await store.set(key('token'), { family: 'f1' }, 10_000);
      const taken = await Promise.all(Array.from({ length: 20 }, () => store.take(key('token'))));
      expect(taken.filter((value) => value !== undefined)).toEqual([{ family: 'f1' }]);
      expect(await store.get(key('token'))).toBeUndefined();
    });

    it('deletes several keys at once', async () => {
      await store.set(key('x'), 1, 10_000);
      await store.set(key('y'), 2, 10_000);
      await store.delete(key('x'), key('y'), key('never-set'));
      expect([await store.get(key('x')), await store.get(key('y'))]).toEqual([
        undefined,
        undefined,
      ]);
    });

    it('counts hits in a fixed window that starts at the first hit and then resets', async () => {
      const counts = await Promise.all(
        Array.from({ length: 5 }, () => store.increment(key('hits'), TTL_MS)),
      );
      expect(counts.map((c) => c.count).sort()).toEqual([1, 2, 3, 4, 5]);
      for (const { resetInMs } of counts) {
        expect(resetInMs).toBeGreaterThan(0);
        expect(resetInMs).toBeLessThanOrEqual(TTL_MS);
      }
      await pass(TTL_MS + 500);
      expect((await store.increment(key('hits'), TTL_MS)).count).toBe(1);
    });

    it('replaces and re-times only a live key, never bringing a deleted one back', async () => {
      expect(await store.replace(key('gone'), 1, 10_000)).toBe(false);
      expect(await store.expire(key('gone'), 10_000)).toBe(false);
      expect(await store.get(key('gone'))).toBeUndefined();
      await store.set(key('r'), 1, TTL_MS);
      expect(await store.expire(key('r'), 10_000)).toBe(true);
      expect(await store.replace(key('r'), 2, 10_000)).toBe(true);
      await pass(TTL_MS + 500);
      expect(await store.get(key('r'))).toBe(2);
    });

    it('keeps only the newest members of a capped list and says which were pushed out', async () => {
      const dropped: string[] = [];
      for (let i = 1; i <= 5; i++)
        dropped.push(...(await store.pushCapped(key('l'), `m${i}`, 3, 10_000)));
      expect(dropped).toEqual(['m1', 'm2']);
      await store.removeMember(key('l'), 'm4');
      expect(await store.pushCapped(key('l'), 'm6', 3, 10_000)).toEqual([]);
      expect(await store.pushCapped(key('l'), 'm7', 3, 10_000)).toEqual(['m3']);
    });

    it('lists the members of a list, oldest first, and nothing for an absent one', async () => {
      expect(await store.members(key('none'))).toEqual([]);
      for (const m of ['a', 'b', 'c']) await store.pushCapped(key('m'), m, 10, 10_000);
      await store.removeMember(key('m'), 'b');
      expect(await store.members(key('m'))).toEqual(['a', 'c']);
      // A list whose last member is removed is gone (no empty keys pile up).
      await store.removeMember(key('m'), 'a');
      await store.removeMember(key('m'), 'c');
      expect(await store.get(key('m'))).toBeUndefined();
    });

    it('deletes a key only while it holds the expected value (a lock released by its owner)', async () => {
      expect(await store.setIfAbsent(key('lock'), 'owner-1', TTL_MS)).toBe(true);
      expect(await store.deleteIfEquals(key('lock'), 'owner-2')).toBe(false);
      expect(await store.get(key('lock'))).toBe('owner-1');
      await pass(TTL_MS + 500);
      // The first owner's lock expired and another caller holds it now: the late release is a no-op.
      expect(await store.setIfAbsent(key('lock'), 'owner-2', 10_000)).toBe(true);
      expect(await store.deleteIfEquals(key('lock'), 'owner-1')).toBe(false);
      expect(await store.deleteIfEquals(key('lock'), 'owner-2')).toBe(true);
      expect(await store.get(key('lock'))).toBeUndefined();
      expect(await store.deleteIfEquals(key('lock'), 'owner-2')).toBe(false);
    });

    it('takes back a hit from a live counter only', async () => {
      await store.increment(key('c'), 10_000);
      await store.increment(key('c'), 10_000);
      await store.decrement(key('c'));
      expect((await store.increment(key('c'), 10_000)).count).toBe(2);
      await store.decrement(key('never'));
      expect(await store.get(key('never'))).toBeUndefined();
    });
  });
}

behavesAsAStateStore('MemoryStateStore', () => {
  const clock = new ManualClock();
  return { store: new MemoryStateStore(60_000, clock), pass: async (ms) => clock.advance(ms) };
});

describe('MemoryStateStore on a ManualClock', () => {
  it('expires keys by the clock it is given, and counts only live keys', async () => {
    const clock = new ManualClock();
    const store = new MemoryStateStore(60_000, clock);
    await store.set('a', 1, 1_000);
    await store.increment('b', 5_000);
    expect(store.size).toBe(2);
    clock.advance(1_000);
    expect(await store.get('a')).toBeUndefined();
    expect(store.size).toBe(1);
    clock.advance(4_000);
    expect(store.size).toBe(0);
    await store.close();
  });
});
behavesAsAStateStore(
  `RedisStateStore (${REDIS_URL ? REDIS_URL : 'SKIPPED: REDIS_URL is not set'})`,
  () => ({
    store: new RedisStateStore(REDIS_URL ?? 'redis://127.0.0.1:1', 'platform-state-spec:'),
    pass: sleep,
  }),
  Boolean(REDIS_URL),
);

describe('two RedisStateStore connections with one namespace', () => {
  (REDIS_URL ? it : it.skip)(
    `share state, as two replicas do (${REDIS_URL ? REDIS_URL : 'SKIPPED: REDIS_URL is not set'})`,
    async () => {
      const one = new RedisStateStore(REDIS_URL ?? '', 'platform-state-spec:');
      const two = new RedisStateStore(REDIS_URL ?? '', 'platform-state-spec:');
      const other = new RedisStateStore(REDIS_URL ?? '', 'another-service:');
      try {
        const k = randomUUID();
        await one.set(k, { session: 's' }, 10_000);
        expect(await two.take(k)).toEqual({ session: 's' });
        expect(await one.get(k)).toBeUndefined();
        await one.set(k, 1, 10_000);
        expect(await other.get(k)).toBeUndefined();
      } finally {
        await Promise.all([one.close(), two.close(), other.close()]);
      }
    },
  );
});

describe('ManualClock', () => {
  it('moves only when told to', () => {
    const clock = new ManualClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(500);
    expect(clock.now()).toBe(1_500);
    clock.set(42);
    expect(clock.now()).toBe(42);
  });
});
