// Test-only entry point (`@bff/platform-state/testing`): a RedisStateStore per describe block, under
// a prefix of its own and cleaned up afterwards; a MemoryStateStore on a ManualClock per test; the
// test every store of per-customer state passes (its keys stay bounded).
// Never import it from production code.
export { type RedisStateStoreHook, useRedisStateStore } from './testing/use-redis-state-store';
export { type MemoryStateStoreHook, useMemoryStateStore } from './testing/use-memory-state-store';
export { type CountsKeys, inTurn, itKeepsKeysBounded } from './testing/bounded-keys';
