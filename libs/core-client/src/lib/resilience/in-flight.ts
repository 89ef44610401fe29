/**
 * Request coalescing: identical calls made while one is in flight share its result instead of
 * each reaching the downstream. The key must say everything that makes two calls identical
 * (method, URL with query, and whose behalf they are made on).
 */
export class InFlight {
  private readonly calls = new Map<string, Promise<unknown>>();

  run<T>(key: string, call: () => Promise<T>, onJoin?: () => void): Promise<T> {
    const running = this.calls.get(key);
    if (running) {
      onJoin?.();
      return running as Promise<T>;
    }
    const started = call().finally(() => this.calls.delete(key));
    this.calls.set(key, started);
    return started;
  }

  get size(): number {
    return this.calls.size;
  }
}
