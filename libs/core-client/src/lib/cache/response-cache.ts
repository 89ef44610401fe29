import { DEFAULT_CACHE_TTLS, Operation } from '../operations';
import { CacheStore, CachedAnswer, MemoryCacheStore, RedisCacheStore } from './cache-stores';

export interface CacheOptions {
  /**
   * Per-operation TTLs over the defaults (`cacheTtlMs` in `OPERATIONS`: public catalog reads only;
   * carts, orders and customers never are); an operation without one is never cached.
   */
  ttls?: Partial<Record<Operation, number>>;
  /** How long past its TTL an answer may still be served when core-api fails. */
  staleMs?: number;
  /** In-process LRU size. */
  maxEntries?: number;
  /** Share the cache through Redis (all replicas of a BFF) instead of process memory. */
  redisUrl?: string;
  /** Or bring a store (tests). */
  store?: CacheStore;
}

export interface CacheLookup {
  answer?: CachedAnswer;
  fresh: boolean;
}

/** The response cache: what may be cached, under which key, and whether an entry is fresh or stale. */
export class ResponseCache {
  readonly store: CacheStore;
  private readonly ttls: Partial<Record<Operation, number>>;
  private readonly staleMs: number;

  constructor(options: CacheOptions = {}) {
    this.ttls = { ...DEFAULT_CACHE_TTLS, ...options.ttls };
    this.staleMs = options.staleMs ?? 60_000;
    this.store =
      options.store ??
      (options.redisUrl
        ? new RedisCacheStore(options.redisUrl)
        : new MemoryCacheStore(options.maxEntries));
  }

  /**
   * The TTL of this call, or undefined when it must not be cached: only GETs of listed
   * operations, only the first page of a paginated read, and only anonymous (public) calls.
   */
  ttlOf(
    operation: Operation,
    method: string,
    params: Record<string, unknown> | undefined,
    personal: boolean,
  ): number | undefined {
    const ttl = this.ttls[operation];
    if (!ttl || method !== 'GET' || personal) return undefined;
    if (params && params['cursor'] !== undefined) return undefined;
    return ttl;
  }

  async lookup(key: string, ttl: number, now = Date.now()): Promise<CacheLookup> {
    const answer = await this.store.get(key);
    if (!answer) return { fresh: false };
    const age = now - answer.storedAt;
    if (age <= ttl) return { answer, fresh: true };
    return age <= ttl + this.staleMs ? { answer, fresh: false } : { fresh: false };
  }

  save(key: string, value: unknown, ttl: number, now = Date.now()): Promise<void> {
    return this.store.set(key, { value, storedAt: now }, ttl + this.staleMs);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
