import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, STATE_STORE, StateStore } from '@bff/platform-state';
import { randomBytes } from 'node:crypto';
import { hashOfId, keysOfHash, SESSION_ID, sidIndex, subjectIndex } from './session-keys';

export interface SessionCustomer {
  id: number;
  email: string;
  displayName: string;
}

/** The provider's tokens, kept on the server only: never in an answer or a cookie. */
export interface SessionTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** When the access token expires (epoch ms). */
  expiresAt: number;
}

/** Who signed in at the provider: its subject, and its session (`sid`) when it names one. */
export interface SessionIdentity {
  subject: string;
  sid?: string;
  tokens: SessionTokens;
}

/** What the server keeps for a session. The browser holds only the random id. */
export interface SessionRecord extends SessionIdentity {
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

/**
 * Server-side sessions in the StateStore (memory, or Redis shared by replicas). The record is
 * written at sign-in and replaced only when its tokens are refreshed, with `replace` (SET XX):
 * a session ended meanwhile (sign-out, back-channel logout) is never brought back. Activity lives
 * under a second key. Timeouts are judged against the injected clock; the store's TTLs follow
 * them (idle timeout, renewed with activity up to the absolute one), so an abandoned session
 * leaves nothing behind. Sessions are listed per subject (capped: the sign-in past the cap ends
 * the oldest) and per provider session `sid`, so one customer's or one provider session's
 * sessions can all be ended, on every replica.
 */
@Injectable()
export class SessionStore {
  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SESSION_TIMEOUTS) private readonly timeouts: SessionTimeouts,
  ) {}

  /** The time sessions and their tokens are judged by (epoch ms). */
  now(): number {
    return this.clock.now();
  }

  /** Starts a session with a fresh id (for the cookie). Returns the records it pushed out. */
  async create(
    customer: SessionCustomer,
    identity: SessionIdentity,
  ): Promise<{ id: string; record: SessionRecord; evicted: SessionRecord[] }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const record: SessionRecord = { ...identity, customer, createdAt: now };
    const hash = hashOfId(id);
    const [recordKey, seenKey] = keysOfHash(hash);
    await this.store.set(recordKey, record, this.timeouts.idleMs);
    await this.store.set(seenKey, now, this.timeouts.idleMs);
    const { maxPerCustomer, absoluteMs } = this.timeouts;
    if (record.sid)
      await this.store.pushCapped(sidIndex(record.sid), hash, maxPerCustomer, absoluteMs);
    const pushedOut = await this.store.pushCapped(
      subjectIndex(record.subject),
      hash,
      maxPerCustomer,
      absoluteMs,
    );
    const evicted: SessionRecord[] = [];
    for (const old of pushedOut) {
      const ended = await this.endHash(old);
      if (ended) evicted.push(ended);
    }
    return { id, record, evicted };
  }

  /** The live session for this id, marking it used; undefined when unknown, ended or timed out. */
  async resolve(id: string | undefined): Promise<SessionRecord | undefined> {
    if (!id || !SESSION_ID.test(id)) return undefined;
    const hash = hashOfId(id);
    const [recordKey, seenKey] = keysOfHash(hash);
    const [record, lastSeenAt] = await Promise.all([
      this.store.get<SessionRecord>(recordKey),
      this.store.get<number>(seenKey),
    ]);
    if (!record) return undefined;
    const now = this.clock.now();
    const idle = lastSeenAt === undefined || now - lastSeenAt >= this.timeouts.idleMs;
    const tooOld = now - record.createdAt >= this.timeouts.absoluteMs;
    if (idle || tooOld) {
      await this.endHash(hash);
      return undefined;
    }
    const keep = this.keepFor(record);
    // Only a record that still exists is renewed: a sign-out racing this request stays final.
    if (!(await this.store.expire(recordKey, keep))) return undefined;
    await this.store.set(seenKey, now, keep);
    return record;
  }

  /** The record as stored now, without marking it used (a request waiting for a refresh polls it). */
  async read(id: string): Promise<SessionRecord | undefined> {
    if (!SESSION_ID.test(id)) return undefined;
    return this.store.get<SessionRecord>(keysOfHash(hashOfId(id))[0]);
  }

  /**
   * Writes refreshed tokens into a session that still exists (false when it has ended: the
   * tokens are then not kept anywhere).
   */
  async replaceTokens(id: string, record: SessionRecord, tokens: SessionTokens): Promise<boolean> {
    const [recordKey] = keysOfHash(hashOfId(id));
    return this.store.replace(recordKey, { ...record, tokens }, this.keepFor(record));
  }

  /** Ends the session with this id; returns its record when there was one. */
  async destroy(id: string | undefined): Promise<SessionRecord | undefined> {
    if (!id || !SESSION_ID.test(id)) return undefined;
    return this.endHash(hashOfId(id));
  }

  /** Ends every session of this subject (sign-out everywhere, back-channel logout by `sub`). */
  endSubject(subject: string): Promise<SessionRecord[]> {
    return this.endAll(subjectIndex(subject));
  }

  /** Ends every session opened under this provider session (back-channel logout by `sid`). */
  endProviderSession(sid: string): Promise<SessionRecord[]> {
    return this.endAll(sidIndex(sid));
  }

  private async endAll(index: string): Promise<SessionRecord[]> {
    const ended: SessionRecord[] = [];
    for (const hash of await this.store.members(index)) {
      const record = await this.endHash(hash);
      if (record) ended.push(record);
    }
    await this.store.delete(index);
    return ended;
  }

  /** Deletes the session's keys and index entries; the record it had, if it was still there. */
  private async endHash(hash: string): Promise<SessionRecord | undefined> {
    const [recordKey, seenKey] = keysOfHash(hash);
    const record = await this.store.take<SessionRecord>(recordKey);
    await this.store.delete(seenKey);
    if (record) {
      await this.store.removeMember(subjectIndex(record.subject), hash);
      if (record.sid) await this.store.removeMember(sidIndex(record.sid), hash);
    }
    return record;
  }

  /** How long the keys of a live session are kept from now: idle timeout, never past the absolute one. */
  private keepFor(record: SessionRecord): number {
    const left = this.timeouts.absoluteMs - (this.clock.now() - record.createdAt);
    return Math.max(1, Math.min(this.timeouts.idleMs, left));
  }
}
