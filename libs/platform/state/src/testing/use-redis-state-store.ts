import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { RedisStateStore } from '../lib/redis-state-store';
import { StateStore } from '../lib/state-store';

export interface RedisStateStoreHook {
  /** REDIS_URL, or undefined when the Redis tests are to be skipped. */
  readonly url: string | undefined;
  /** `it` when REDIS_URL is set, `it.skip` otherwise. */
  readonly enabled: jest.It;
  /** What a test name ends with: the Redis URL, or why the test was skipped. */
  readonly label: string;
  /** A RedisStateStore writing under a prefix of its own (set in beforeAll). */
  readonly store: StateStore;
  /** A plain client on the same Redis, to look at what the store left (set in beforeAll). */
  readonly redis: Redis;
  /** Every key under this run's prefix. */
  keys(): Promise<string[]>;
  /** How many keys there are under this run's prefix. */
  keyCount(): Promise<number>;
  /**
   * Asserts that at most `count` keys are left under this run's prefix, each expiring: after more
   * than 0 ms and at most `ttlCap(key)`.
   */
  expectKeys(count: number, ttlCap: (key: string) => number): Promise<void>;
}

/**
 * Registers beforeAll/afterAll hooks giving the describe block a RedisStateStore on REDIS_URL with
 * a prefix of its own (`<prefixName>:<uuid>:`), and deletes every key under it afterwards.
 * Without REDIS_URL nothing connects; guard the tests with `enabled`.
 */
export function useRedisStateStore(prefixName: string): RedisStateStoreHook {
  const url = process.env['REDIS_URL'];
  const prefix = `${prefixName}:${randomUUID()}:`;
  let redis: Redis | undefined;
  let store: StateStore | undefined;
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('No Redis: REDIS_URL is unset or beforeAll has not run');
    return value;
  };

  const keys = async (): Promise<string[]> => {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await opened(redis).scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      found.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return found;
  };

  beforeAll(() => {
    if (!url) return;
    redis = new Redis(url);
    store = new RedisStateStore(url, prefix);
  });
  afterAll(async () => {
    if (!url) return;
    const left = await keys();
    if (left.length) await opened(redis).del(...left);
    await opened(store).close();
    opened(redis).disconnect();
  });

  return {
    url,
    enabled: url ? it : it.skip,
    label: url ?? 'SKIPPED: REDIS_URL is not set',
    get store() {
      return opened(store);
    },
    get redis() {
      return opened(redis);
    },
    keys,
    keyCount: async () => (await keys()).length,
    async expectKeys(count, ttlCap) {
      const left = await keys();
      expect(left.length).toBeLessThanOrEqual(count);
      for (const key of left) {
        const ttl = await opened(redis).pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(ttlCap(key));
      }
    },
  };
}
