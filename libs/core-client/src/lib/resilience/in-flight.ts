/**
 * Request coalescing: identical calls made while one is in flight share its result instead of
 * each reaching the downstream. The key must say everything that makes two calls identical
 * (method, URL with query, and whose behalf they are made on).
 */
export class InFlight {
  private readonly calls = new Map<string, Promise<unknown>>();

  /** The identical call in flight under `key`, if there is one: its result is the joiner's too. */
  joining(key: string): Promise<unknown> | undefined {
    return this.calls.get(key);
  }

  /** Starts `call` under `key`; identical calls join it until it settles. */
  start<T>(key: string, call: () => Promise<T>): Promise<T> {
    const started = call().finally(() => this.calls.delete(key));
    this.calls.set(key, started);
    return started;
  }
}
