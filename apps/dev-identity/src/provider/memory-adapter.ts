import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; undefined: no expiry. */
  expiresAt: number | undefined;
}

/**
 * The provider's storage, in this process's memory: a development provider forgets sessions,
 * grants and tokens when it stops, like a PGlite database in a temporary directory. Our own rather
 * than oidc-provider's quick-start one, which prints a warning on every start; it also drops
 * expired entries so a long-running development process does not grow without bound.
 */
const entries = new Map<string, Entry>();
const grants = new Map<string, Set<string>>();
const sessionsByUid = new Map<string, string>();
const byUserCode = new Map<string, string>();

export class MemoryAdapter implements Adapter {
  constructor(private readonly model: string) {}

  /** Drops expired entries; the server calls it every minute. */
  static sweep(now = Date.now()): void {
    for (const [key, entry] of entries) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) entries.delete(key);
    }
    for (const [grantId, keys] of grants) {
      for (const key of keys) if (!entries.has(key)) keys.delete(key);
      if (keys.size === 0) grants.delete(grantId);
    }
    for (const index of [sessionsByUid, byUserCode]) {
      for (const [value, key] of index) if (!entries.has(key)) index.delete(value);
    }
  }

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const key = this.key(id);
    const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : undefined;
    entries.set(key, { payload: structuredClone(payload), expiresAt });
    if (this.model === 'Session' && payload.uid) sessionsByUid.set(payload.uid, key);
    if (payload.userCode) byUserCode.set(payload.userCode, key);
    if (payload.grantId) {
      const keys = grants.get(payload.grantId) ?? new Set<string>();
      keys.add(key);
      grants.set(payload.grantId, keys);
    }
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return read(this.key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const key = sessionsByUid.get(uid);
    return key ? read(key) : undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const key = byUserCode.get(userCode);
    return key ? read(key) : undefined;
  }

  async consume(id: string): Promise<void> {
    const entry = entries.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    entries.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const key of grants.get(grantId) ?? []) entries.delete(key);
    grants.delete(grantId);
  }
}

function read(key: string): AdapterPayload | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
    entries.delete(key);
    return undefined;
  }
  return structuredClone(entry.payload);
}
