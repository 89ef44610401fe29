import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** One cached core-api answer and when it was fetched (epoch ms). */
export interface CachedAnswer {
  value: unknown;
  storedAt: number;
}

/** Where cached answers live: process memory by default, Redis when replicas should share them. */
export interface CacheStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  /** Keeps the answer for `keepMs` (its TTL plus the stale window), then forgets it. */
  set(key: string, answer: CachedAnswer, keepMs: number): Promise<void>;
  close(): Promise<void>;
}

export class MemoryCacheStore implements CacheStore {
  private readonly lru: LRUCache<string, CachedAnswer>;

  constructor(maxEntries = 5_000) {
    this.lru = new LRUCache<string, CachedAnswer>({ max: maxEntries });
  }

  get(key: string): Promise<CachedAnswer | undefined> {
    return Promise.resolve(this.lru.get(key));
  }

  set(key: string, answer: CachedAnswer, keepMs: number): Promise<void> {
    this.lru.set(key, answer, { ttl: keepMs });
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.lru.clear();
    return Promise.resolve();
  }
}

/**
 * Redis-backed store shared by every replica of a BFF. Redis trouble never fails a call: a read
 * that errors or takes longer than `commandTimeout` is a miss, a failed write is dropped.
 */
export class RedisCacheStore implements CacheStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'core-client:v1:',
  ) {
    this.redis = new Redis(url, {
      commandTimeout: 250,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      lazyConnect: false,
    });
    // Without a listener ioredis logs every reconnect attempt as an unhandled error.
    this.redis.on('error', () => undefined);
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    try {
      const raw = await this.redis.get(this.prefix + key);
      return raw === null ? undefined : (JSON.parse(raw) as CachedAnswer);
    } catch {
      return undefined;
    }
  }

  async set(key: string, answer: CachedAnswer, keepMs: number): Promise<void> {
    try {
      await this.redis.set(
        this.prefix + key,
        JSON.stringify(answer),
        'PX',
        Math.max(1, Math.round(keepMs)),
      );
    } catch {
      // A cache write is an optimisation; the answer has already been served.
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
