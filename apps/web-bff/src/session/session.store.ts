import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, STATE_STORE, StateStore } from '@bff/platform-state';
import { createHash, randomBytes } from 'node:crypto';

export interface SessionCustomer {
  id: number;
  email: string;
  displayName: string;
}

/** What the server keeps for a session. The browser holds only the random id. */
export interface SessionRecord {
  customer: SessionCustomer;
  /** Sign-in time (epoch ms): the absolute timeout counts from here. */
  createdAt: number;
}

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
  /** Live sessions one customer may hold; signing in once more ends the oldest. */
  maxPerCustomer: number;
}

export const SESSION_TIMEOUTS = Symbol('SESSION_TIMEOUTS');

/** 32 random bytes (256 bits), base64url without padding: 43 characters. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Server-side sessions in the StateStore (memory, or Redis shared by replicas). Keys are a SHA-256
 * of the id, so a leaked store dump holds no usable cookie. The record is written once at sign-in;
 * activity lives under a second key, so a request racing a sign-out can never bring a deleted
 * session back. Timeouts are judged against the injected clock; the store's TTLs follow them
 * (both keys live as long as the idle timeout, renewed with activity up to the absolute one), so
 * an abandoned session leaves nothing behind. Each customer's sessions are listed, newest last,
 * under one capped key: the sign-in past the cap ends the oldest session.
 */
@Injectable()
export class SessionStore {
  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SESSION_TIMEOUTS) private readonly timeouts: SessionTimeouts,
  ) {}

  /** Starts a session with a fresh id (for the cookie). */
  async create(customer: SessionCustomer): Promise<{ id: string; record: SessionRecord }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const record: SessionRecord = { customer, createdAt: now };
    const { hash, recordKey, seenKey } = keysOf(id);
    await this.store.set(recordKey, record, this.timeouts.idleMs);
    await this.store.set(seenKey, now, this.timeouts.idleMs);
    const evicted = await this.store.pushCapped(
      indexOf(customer.id),
      hash,
      this.timeouts.maxPerCustomer,
      this.timeouts.absoluteMs,
    );
    for (const old of evicted) await this.store.delete(...keysOfHash(old));
    return { id, record };
  }

  /** The live session for this id, marking it used; undefined when unknown, ended or timed out. */
  async resolve(id: string | undefined): Promise<SessionRecord | undefined> {
    if (!id || !SESSION_ID.test(id)) return undefined;
    const { hash, recordKey, seenKey } = keysOf(id);
    const [record, lastSeenAt] = await Promise.all([
      this.store.get<SessionRecord>(recordKey),
      this.store.get<number>(seenKey),
    ]);
    if (!record) return undefined;
    const now = this.clock.now();
    const idle = lastSeenAt === undefined || now - lastSeenAt >= this.timeouts.idleMs;
    const tooOld = now - record.createdAt >= this.timeouts.absoluteMs;
    if (idle || tooOld) {
      await this.end(record.customer.id, hash);
      return undefined;
    }
    const left = this.timeouts.absoluteMs - (now - record.createdAt);
    const keep = Math.max(1, Math.min(this.timeouts.idleMs, left));
    // Only a record that still exists is renewed: a sign-out racing this request stays final.
    if (!(await this.store.expire(recordKey, keep))) return undefined;
    await this.store.set(seenKey, now, keep);
    return record;
  }

  async destroy(id: string | undefined): Promise<void> {
    if (!id || !SESSION_ID.test(id)) return;
    const { hash, recordKey } = keysOf(id);
    const record = await this.store.get<SessionRecord>(recordKey);
    if (record) await this.end(record.customer.id, hash);
    else await this.store.delete(...keysOfHash(hash));
  }

  private async end(customerId: number, hash: string): Promise<void> {
    await this.store.delete(...keysOfHash(hash));
    await this.store.removeMember(indexOf(customerId), hash);
  }
}

const indexOf = (customerId: number): string => `sessions-of:${customerId}`;

const keysOfHash = (hash: string): [string, string] => [`session:${hash}`, `session-seen:${hash}`];

function keysOf(id: string): { hash: string; recordKey: string; seenKey: string } {
  const hash = createHash('sha256').update(id).digest('base64url');
  const [recordKey, seenKey] = keysOfHash(hash);
  return { hash, recordKey, seenKey };
}
