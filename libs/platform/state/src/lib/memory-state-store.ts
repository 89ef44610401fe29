import { Clock, systemClock } from './clock';
import { StateStore, WindowCount } from './state-store';

interface Entry {
  json: string;
  expiresAt: number;
}

/**
 * The default store: one process's memory. Expired entries are dropped when read and by a sweep
 * once a minute, so abandoned sessions and counters do not accumulate. TTLs run on `clock`
 * (tests pass a ManualClock to watch records expire).
 */
export class MemoryStateStore implements StateStore {
  private readonly entries = new Map<string, Entry>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    sweepMs = 60_000,
    private readonly clock: Clock = systemClock,
  ) {
    this.sweep = setInterval(() => this.dropExpired(), sweepMs);
    this.sweep.unref();
  }

  /** How many keys are live now (expired ones are dropped first). */
  get size(): number {
    this.dropExpired();
    return this.entries.size;
  }

  get<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    return Promise.resolve(entry ? (JSON.parse(entry.json) as T) : undefined);
  }

  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.entries.set(key, { json: JSON.stringify(value), expiresAt: this.clock.now() + ttlMs });
    return Promise.resolve();
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async replace(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    if (!this.live(key)) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  expire(key: string, ttlMs: number): Promise<boolean> {
    const entry = this.live(key);
    if (entry) entry.expiresAt = this.clock.now() + ttlMs;
    return Promise.resolve(entry !== undefined);
  }

  async pushCapped(key: string, member: string, cap: number, ttlMs: number): Promise<string[]> {
    const entry = this.live(key);
    const members = [...(entry ? (JSON.parse(entry.json) as string[]) : []), member];
    const dropped = members.splice(0, Math.max(0, members.length - cap));
    await this.set(key, members, ttlMs);
    return dropped;
  }

  removeMember(key: string, member: string): Promise<void> {
    const entry = this.live(key);
    if (entry) {
      const members = (JSON.parse(entry.json) as string[]).filter((m) => m !== member);
      // As Redis does: a list without members is no key at all.
      if (members.length === 0) this.entries.delete(key);
      else entry.json = JSON.stringify(members);
    }
    return Promise.resolve();
  }

  members(key: string): Promise<string[]> {
    const entry = this.live(key);
    return Promise.resolve(entry ? (JSON.parse(entry.json) as string[]) : []);
  }

  deleteIfEquals(key: string, value: unknown): Promise<boolean> {
    const entry = this.live(key);
    const same = entry !== undefined && entry.json === JSON.stringify(value);
    if (same) this.entries.delete(key);
    return Promise.resolve(same);
  }

  take<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    this.entries.delete(key);
    return Promise.resolve(entry ? (JSON.parse(entry.json) as T) : undefined);
  }

  delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
    return Promise.resolve();
  }

  increment(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.clock.now();
    const entry = this.live(key);
    const count = entry ? (JSON.parse(entry.json) as number) + 1 : 1;
    const expiresAt = entry ? entry.expiresAt : now + windowMs;
    this.entries.set(key, { json: String(count), expiresAt });
    return Promise.resolve({ count, resetInMs: expiresAt - now });
  }

  decrement(key: string): Promise<void> {
    const entry = this.live(key);
    if (entry) entry.json = String((JSON.parse(entry.json) as number) - 1);
    return Promise.resolve();
  }

  close(): Promise<void> {
    clearInterval(this.sweep);
    this.entries.clear();
    return Promise.resolve();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private dropExpired(): void {
    const now = this.clock.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
