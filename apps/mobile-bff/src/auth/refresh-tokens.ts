import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock, STATE_STORE, StateStore } from '@bff/platform-state';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { InvalidGrantProblem } from './auth.problems';
import {
  hashToken,
  newFamilyId,
  newRefreshToken,
  openSuccessor,
  sealSuccessor,
} from './refresh-token-crypto';

/** A live refresh token, stored under the hash of the token. */
interface RefreshRecord {
  familyId: string;
  customerId: number;
  issuedAt: number;
  familyStartedAt: number;
}

/** A refresh token that has been rotated: kept to detect reuse and to honour the grace window. */
interface SpentRecord extends RefreshRecord {
  rotatedAt: number;
  successorHash: string;
  /** The successor, encrypted under the spent token (see `sealSuccessor`). */
  successor: string;
}

export interface Grant {
  customerId: number;
  familyId: string;
  refreshToken: string;
}

const live = (hash: string) => `rt:${hash}`;
const spent = (hash: string) => `rt-spent:${hash}`;
const revoked = (familyId: string) => `rt-revoked:${familyId}`;

/**
 * Rotating refresh tokens in families (one family per sign-in), kept in the STATE_STORE so
 * replicas share them. Each token works once; a spent token presented again revokes the whole
 * family, except the token replaced a moment ago (the grace window), which gets the same
 * successor again so concurrent refreshes from one app do not sign it out. Every time rule is
 * judged by the injected clock; store TTLs only bound how long records are kept.
 * docs/mobile-bff-auth.md explains the rules.
 */
@Injectable()
export class RefreshTokens {
  private readonly logger = new Logger('RefreshTokens');

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /** Starts a family for a customer who just signed in. */
  async start(customerId: number): Promise<Grant> {
    const now = this.clock.now();
    const familyId = newFamilyId();
    const refreshToken = newRefreshToken();
    const record: RefreshRecord = { familyId, customerId, issuedAt: now, familyStartedAt: now };
    await this.store.set(live(hashToken(refreshToken)), record, this.keepFor(record));
    return { customerId, familyId, refreshToken };
  }

  /** Spends `token` and hands out its successor; `invalid_grant` when that is not allowed. */
  async rotate(token: string): Promise<Grant> {
    const hash = hashToken(token);
    const record = await this.store.get<RefreshRecord>(live(hash));
    if (!record) return this.presentedAgain(token, hash);
    await this.assertUsable(record);

    const now = this.clock.now();
    const successor = newRefreshToken();
    const successorHash = hashToken(successor);
    const marker: SpentRecord = {
      ...record,
      rotatedAt: now,
      successorHash,
      successor: sealSuccessor(successor, token),
    };
    // The spent marker decides the one winner among concurrent rotations of this token, and
    // exists before the token disappears, so a loser always finds it (and the grace rule).
    if (!(await this.store.setIfAbsent(spent(hash), marker, this.keepFor(record)))) {
      return this.presentedAgain(token, hash);
    }
    if (!(await this.store.take<RefreshRecord>(live(hash)))) throw new InvalidGrantProblem();
    const next: RefreshRecord = { ...record, issuedAt: now };
    await this.store.set(live(successorHash), next, this.keepFor(next));
    return { customerId: record.customerId, familyId: record.familyId, refreshToken: successor };
  }

  /** Revokes the family of `token` (live or spent); unknown tokens are ignored. */
  async revokeFamilyOf(token: string, reason = 'logout'): Promise<void> {
    const hash = hashToken(token);
    const record =
      (await this.store.get<RefreshRecord>(live(hash))) ??
      (await this.store.get<SpentRecord>(spent(hash)));
    if (record) await this.revoke(record, reason);
  }

  async isRevoked(familyId: string): Promise<boolean> {
    return (await this.store.get(revoked(familyId))) !== undefined;
  }

  /** A token that is not live: the grace window, or reuse of a spent token, or unknown. */
  private async presentedAgain(token: string, hash: string): Promise<Grant> {
    const marker = await this.store.get<SpentRecord>(spent(hash));
    if (!marker) throw new InvalidGrantProblem();
    await this.assertUsable(marker);
    const withinGrace = this.clock.now() - marker.rotatedAt <= this.options.refreshReuseGraceMs;
    // Grace covers only the token replaced last: once its successor has been spent too, the
    // old token coming back is reuse.
    if (withinGrace && !(await this.store.get(spent(marker.successorHash)))) {
      const successor = openSuccessor(marker.successor, token);
      if (successor) {
        return {
          customerId: marker.customerId,
          familyId: marker.familyId,
          refreshToken: successor,
        };
      }
    }
    await this.revoke(marker, 'reuse of a spent refresh token');
    throw new InvalidGrantProblem(
      'The refresh token was already used; every token of this sign-in is revoked. Sign in again.',
    );
  }

  private async assertUsable(record: RefreshRecord): Promise<void> {
    if (await this.isRevoked(record.familyId)) throw new InvalidGrantProblem();
    if (this.clock.now() - record.familyStartedAt >= this.options.refreshAbsoluteMs) {
      throw new InvalidGrantProblem('The sign-in has expired. Sign in again.');
    }
  }

  private async revoke(record: RefreshRecord, reason: string): Promise<void> {
    const entry = { familyId: record.familyId, customerId: record.customerId, reason };
    if (reason === 'logout') this.logger.log(entry, 'Refresh-token family revoked');
    else this.logger.warn(entry, 'Refresh-token family revoked');
    await this.store.set(
      revoked(record.familyId),
      { revokedAt: this.clock.now(), reason },
      this.keepFor(record),
    );
  }

  /** Real-time TTL of a family's records: what is left of its absolute lifetime, plus a margin. */
  private keepFor(record: RefreshRecord): number {
    const left = record.familyStartedAt + this.options.refreshAbsoluteMs - this.clock.now();
    return Math.max(left, 0) + this.options.refreshReuseGraceMs + 60_000;
  }
}
