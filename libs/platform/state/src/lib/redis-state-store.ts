import { Redis } from 'ioredis';
import { StateStore, WindowCount } from './state-store';

// One round trip, atomic: count the hit, start the window on the first one, report what is left.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

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
