import { StateStore, WindowCount } from './state-store';

interface Entry {
  json: string;
  expiresAt: number;
}

/**
 * The default store: one process's memory. Expired entries are dropped when read and by a sweep
 * once a minute, so abandoned sessions and counters do not accumulate.
 */
export class MemoryStateStore implements StateStore {
  private readonly entries = new Map<string, Entry>();
  private readonly sweep: NodeJS.Timeout;

  constructor(sweepMs = 60_000) {
    this.sweep = setInterval(() => this.dropExpired(), sweepMs);
    this.sweep.unref();
  }

  get<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    return Promise.resolve(entry ? (JSON.parse(entry.json) as T) : undefined);
  }

  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.entries.set(key, { json: JSON.stringify(value), expiresAt: Date.now() + ttlMs });
    return Promise.resolve();
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    await this.set(key, value, ttlMs);
    return true;
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
    const now = Date.now();
    const entry = this.live(key);
    const count = entry ? (JSON.parse(entry.json) as number) + 1 : 1;
    const expiresAt = entry ? entry.expiresAt : now + windowMs;
    this.entries.set(key, { json: String(count), expiresAt });
    return Promise.resolve({ count, resetInMs: expiresAt - now });
  }

  close(): Promise<void> {
    clearInterval(this.sweep);
    this.entries.clear();
    return Promise.resolve();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private dropExpired(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
