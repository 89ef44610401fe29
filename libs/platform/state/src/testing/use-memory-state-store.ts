import { ManualClock } from '../lib/clock';
import { MemoryStateStore } from '../lib/memory-state-store';

export interface MemoryStateStoreHook {
  /** The current test's clock: a new ManualClock for each test. */
  readonly clock: ManualClock;
  /** The current test's store, on that clock (swept every minute of it). */
  readonly store: MemoryStateStore;
  /** How many keys the store holds now. */
  keyCount(): Promise<number>;
}

/**
 * Registers beforeEach/afterEach giving each test of the block a new ManualClock and a
 * MemoryStateStore on it, closed after the test.
 */
export function useMemoryStateStore(): MemoryStateStoreHook {
  let current: { clock: ManualClock; store: MemoryStateStore } | undefined;
  const opened = () => {
    if (!current) throw new Error('The memory state store exists inside tests only');
    return current;
  };
  beforeEach(() => {
    const clock = new ManualClock();
    current = { clock, store: new MemoryStateStore(60_000, clock) };
  });
  afterEach(() => {
    current?.store.close();
    current = undefined;
  });
  return {
    get clock() {
      return opened().clock;
    },
    get store() {
      return opened().store;
    },
    keyCount: async () => opened().store.size,
  };
}
