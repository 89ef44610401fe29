import { Redis } from 'ioredis';
import { StateStore, WindowCount } from './state-store';

// One round trip, atomic: count the hit, start the window on the first one, report what is left.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

// Append, keep the newest ARGV[2], return what was pushed out (oldest first), renew the TTL.
const PUSH_CAPPED = `
redis.call('RPUSH', KEYS[1], ARGV[1])
local over = redis.call('LLEN', KEYS[1]) - tonumber(ARGV[2])
local dropped = {}
if over > 0 then
  dropped = redis.call('LRANGE', KEYS[1], 0, over - 1)
  redis.call('LTRIM', KEYS[1], over, -1)
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return dropped`;

// Takes back one hit only from a counter that still exists, so an expired window is not revived.
const DECREMENT = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('DECR', KEYS[1]) end
return 0`;

// Deletes the key only while it holds the expected value (a lock released by its owner only).
const DELETE_IF_EQUALS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * The shared store: every replica of a service reads and writes the same keys, prefixed with the
 * service's namespace. Unlike the response cache, state is not optional — a Redis failure fails
 * the request (as a 503 from the caller's error handling) rather than silently forgetting a session.
 */
export class RedisStateStore implements StateStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, {
      commandTimeout: 1_000,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    // Without a listener ioredis reports every reconnect attempt as an unhandled error.
    this.redis.on('error', () => undefined);
  }

  async get<T>(key: string): Promise<T | undefined> {
    return parse<T>(await this.redis.get(this.prefix + key));
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, JSON.stringify(value), 'PX', wholeMs(ttlMs));
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    const stored = await this.redis.set(
      this.prefix + key,
      JSON.stringify(value),
      'PX',
      wholeMs(ttlMs),
      'NX',
    );
    return stored === 'OK';
  }

  async replace(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    const stored = await this.redis.set(
      this.prefix + key,
      JSON.stringify(value),
      'PX',
      wholeMs(ttlMs),
      'XX',
    );
    return stored === 'OK';
  }

  async expire(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.pexpire(this.prefix + key, wholeMs(ttlMs))) === 1;
  }

  async pushCapped(key: string, member: string, cap: number, ttlMs: number): Promise<string[]> {
    return (await this.redis.eval(
      PUSH_CAPPED,
      1,
      this.prefix + key,
      member,
      Math.max(0, Math.floor(cap)),
      wholeMs(ttlMs),
    )) as string[];
  }

  async removeMember(key: string, member: string): Promise<void> {
    await this.redis.lrem(this.prefix + key, 0, member);
  }

  async members(key: string): Promise<string[]> {
    return this.redis.lrange(this.prefix + key, 0, -1);
  }

  async deleteIfEquals(key: string, value: unknown): Promise<boolean> {
    const deleted = await this.redis.eval(
      DELETE_IF_EQUALS,
      1,
      this.prefix + key,
      JSON.stringify(value),
    );
    return deleted === 1;
  }

  async take<T>(key: string): Promise<T | undefined> {
    return parse<T>(await this.redis.getdel(this.prefix + key));
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((key) => this.prefix + key));
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const [count, ttl] = (await this.redis.eval(
      INCREMENT,
      1,
      this.prefix + key,
      wholeMs(windowMs),
    )) as [number, number];
    return { count, resetInMs: ttl };
  }

  async decrement(key: string): Promise<void> {
    await this.redis.eval(DECREMENT, 1, this.prefix + key);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

function parse<T>(raw: string | null): T | undefined {
  return raw === null ? undefined : (JSON.parse(raw) as T);
}

function wholeMs(ms: number): number {
  return Math.max(1, Math.round(ms));
}
