import { Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { STATE_STORE, StateStore } from '@bff/platform-state';

/**
 * @nestjs/throttler's counters kept in the service's `StateStore`: in memory by default, in Redis
 * when `REDIS_URL` is set, so every replica counts against the same limit. A fixed window per
 * client, route and limit; a client over the limit waits until its window ends.
 */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

@Injectable()
export class StateThrottlerStorage implements ThrottlerStorage {
  constructor(@Inject(STATE_STORE) private readonly store: StateStore) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const { count, resetInMs } = await this.store.increment(
      `throttle:${throttlerName}:${key}`,
      ttl,
    );
    const seconds = Math.max(1, Math.ceil(resetInMs / 1000));
    const isBlocked = count > limit;
    return {
      totalHits: count,
      timeToExpire: seconds,
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds : 0,
    };
  }
}
