// Test-only entry point (`@bff/platform-state/testing`): a RedisStateStore per describe block, under
// a prefix of its own and cleaned up afterwards. Never import it from production code.
export { type RedisStateStoreHook, useRedisStateStore } from './testing/use-redis-state-store';
