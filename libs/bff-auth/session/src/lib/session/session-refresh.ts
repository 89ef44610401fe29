import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock, STATE_STORE, StateStore } from '@bff/platform-state';
import { randomUUID } from 'node:crypto';
import { OidcClient, ProviderTokens } from '../oidc/oidc-client';
import {
  IdentityProviderUnavailableProblem,
  isGrantRevoked,
  isProviderOutage,
} from '../oidc/oidc.problems';
import { hashOfId, refreshLock } from './session-keys';
import { SessionRequiredProblem } from './session.problems';
import { SessionRecord, SessionStore, SessionTokens } from './session.store';

/**
 * How long one refresh may hold the lock: the provider call's own timeout (5 s) twice over. A
 * winner that dies holding it delays the others by this much at most.
 */
export const REFRESH_LOCK_TTL_MS = 10_000;
/** How long a request waits for another's refresh before judging the tokens it has. */
const WAIT_MS = REFRESH_LOCK_TTL_MS + 5_000;
const POLL_MS = 50;
/** When the provider says nothing of the access token's lifetime. */
const DEFAULT_LIFETIME_S = 300;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Keeps a session's access token fresh before a personal route runs, with ONE refresh at a time
 * per session across every replica: a lock in the shared StateStore (`setIfAbsent`, TTL
 * {@link REFRESH_LOCK_TTL_MS}). The winner re-reads the record, redeems the refresh token (the
 * provider rotates it) and writes the new tokens with `replace`, so a session ended meanwhile stays
 * ended; then releases the lock if it is still its own. The others poll the record until its
 * tokens changed and go on with them. A refresh the provider refuses (`invalid_grant`: revoked,
 * reused, expired) ends the session: 401 `session_required`. A provider outage leaves the
 * tokens as they are while the access token is still valid, and is a 503 after that.
 */
@Injectable()
export class SessionRefresher {
  private readonly log = new Logger('SessionRefresh');

  constructor(
    private readonly sessions: SessionStore,
    private readonly oidc: OidcClient,
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The session with tokens fresh enough for this request (the same record when they are). */
  async fresh(id: string, record: SessionRecord): Promise<SessionRecord> {
    if (!this.due(record)) return record;
    const lock = refreshLock(hashOfId(id));
    const owner = randomUUID();
    if (await this.store.setIfAbsent(lock, owner, REFRESH_LOCK_TTL_MS)) {
      try {
        return await this.refreshAsOwner(id);
      } finally {
        await this.store.deleteIfEquals(lock, owner);
      }
    }
    return this.awaitOthers(id, record, lock);
  }

  private due(record: SessionRecord): boolean {
    const { refreshToken, expiresAt } = record.tokens;
    return (
      refreshToken !== undefined &&
      expiresAt - this.clock.now() <= this.oidc.settings.refreshBeforeMs
    );
  }

  private async refreshAsOwner(id: string): Promise<SessionRecord> {
    // Read again under the lock: another replica may have refreshed just before we took it.
    const current = await this.sessions.read(id);
    if (!current) throw new SessionRequiredProblem();
    if (!this.due(current) || !current.tokens.refreshToken) return current;
    let answer: ProviderTokens;
    try {
      answer = await this.oidc.refresh(current.tokens.refreshToken);
    } catch (error) {
      if (isGrantRevoked(error)) {
        await this.sessions.destroy(id);
        throw new SessionRequiredProblem();
      }
      if (!isProviderOutage(error)) this.log.error(`refresh refused: ${String(error)}`);
      return this.withoutRefresh(current);
    }
    const tokens = this.tokensAfter(current.tokens, answer);
    if (!(await this.sessions.replaceTokens(id, current, tokens)))
      throw new SessionRequiredProblem();
    return { ...current, tokens };
  }

  /** Waits for the lock holder's refresh: the record's tokens change, or the lock goes away. */
  private async awaitOthers(
    id: string,
    record: SessionRecord,
    lock: string,
  ): Promise<SessionRecord> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      await sleep(POLL_MS);
      // The lock first: the holder writes the tokens before it lets go, so a free lock and an
      // unchanged record mean its refresh did not happen (an outage), not that it is underway.
      const held = (await this.store.get(lock)) !== undefined;
      const current = await this.sessions.read(id);
      if (!current) throw new SessionRequiredProblem();
      if (current.tokens.accessToken !== record.tokens.accessToken) return current;
      if (!held || Date.now() >= deadline) return this.withoutRefresh(current);
    }
  }

  /** Goes on with the tokens it has while the access token is valid; 503 once it has expired. */
  private withoutRefresh(record: SessionRecord): SessionRecord {
    if (record.tokens.expiresAt > this.clock.now()) return record;
    throw new IdentityProviderUnavailableProblem();
  }

  private tokensAfter(previous: SessionTokens, answer: ProviderTokens): SessionTokens {
    return {
      accessToken: answer.accessToken,
      // Rotated: the provider sends the next refresh token; one it does not send stays valid.
      refreshToken: answer.refreshToken ?? previous.refreshToken,
      idToken: answer.idToken ?? previous.idToken,
      expiresAt: this.clock.now() + (answer.expiresIn ?? DEFAULT_LIFETIME_S) * 1000,
    };
  }
}
