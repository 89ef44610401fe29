/**
 * State a BFF keeps between requests (web sessions, refresh-token families, rate-limit counters),
 * behind one interface: process memory by default, Redis when several replicas must behave as one.
 *
 * Values are JSON: both stores hand back a copy, never the caller's object. TTLs are real time and
 * only bound how long a key is kept; rules such as a session's idle timeout belong to the caller,
 * compared with the injected `Clock`, so tests can move time and both stores behave the same.
 */
export interface StateStore {
  /** The value under `key`, or undefined when it is absent or has expired. */
  get<T>(key: string): Promise<T | undefined>;
  /** Stores `value` under `key` for `ttlMs`, replacing what was there. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Stores `value` only if `key` is absent; true when this call stored it. Atomic across replicas. */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  /**
   * Replaces the value under a live `key` (and its TTL); false, storing nothing, when the key is
   * absent. Atomic, so a record deleted meanwhile (a revoked sign-in) is never brought back.
   */
  replace(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  /** Gives a live `key` a new TTL; false when it is absent (nothing is created). */
  expire(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Appends `member` to the list under `key`, keeps only the newest `cap` members and gives the list
   * `ttlMs` to live, in one atomic step. Returns the members pushed out, oldest first.
   */
  pushCapped(key: string, member: string, cap: number, ttlMs: number): Promise<string[]>;
  /** Removes every occurrence of `member` from the list under `key`. */
  removeMember(key: string, member: string): Promise<void>;
  /** The members of the list under `key`, oldest first; empty when it is absent. */
  members(key: string): Promise<string[]>;
  /**
   * Deletes `key` only while it still holds `value` (compare-and-delete, atomic): a lock's owner
   * releases it without ever deleting a lock another caller took after this one's expired.
   */
  deleteIfEquals(key: string, value: unknown): Promise<boolean>;
  /** Reads and deletes `key` in one atomic step: of concurrent callers, exactly one gets the value. */
  take<T>(key: string): Promise<T | undefined>;
  delete(...keys: string[]): Promise<void>;
  /**
   * Counts one more hit in a fixed window that starts at the key's first hit and lasts `windowMs`.
   * Returns the count including this hit and the milliseconds until the window resets.
   */
  increment(key: string, windowMs: number): Promise<WindowCount>;
  /** Takes back one hit from a live counter (its window unchanged); nothing when it has expired. */
  decrement(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface WindowCount {
  count: number;
  resetInMs: number;
}

/** Injection token for the process's `StateStore`. */
export const STATE_STORE = Symbol('STATE_STORE');
