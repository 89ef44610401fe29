import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock, STATE_STORE, StateStore } from '@bff/platform-state';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { InvalidGrantProblem } from './auth.problems';
import {
  familyOf,
  hashToken,
  newFamilyId,
  newRefreshToken,
  openSuccessor,
  sealSuccessor,
} from './refresh-token-crypto';

/** One sign-in: its customer, its age and the hash of its one live refresh token. */
interface FamilyRecord {
  customerId: number;
  familyStartedAt: number;
  issuedAt: number;
  currentHash: string;
}

/** The token rotated last: picks the one winner of concurrent rotations, honours the grace window. */
interface SpentRecord {
  familyId: string;
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

const family = (familyId: string) => `rt-family:${familyId}`;
const spent = (hash: string) => `rt-spent:${hash}`;
const familiesOf = (customerId: number) => `rt-families:${customerId}`;

/**
 * Rotating refresh tokens in families (one family per sign-in), kept in the STATE_STORE so
 * replicas share them. Each token names its family and works once: the family record holds the
 * hash of its one live token, and any other token of the family presented later revokes the
 * whole family — except the token replaced a moment ago (the grace window), which gets the same
 * successor again so concurrent refreshes from one app do not sign it out.
 *
 * What is kept is bounded: per customer at most `maxFamiliesPerCustomer` families (signing in
 * once more revokes the oldest) and one index; per family one record, living as long as the
 * family (plus an access token's lifetime), and at most a minute-and-grace marker of the token
 * rotated last. Revoking deletes the family, which is what the bearer guard checks. Every time
 * rule is judged by the injected clock. docs/mobile-bff-auth.md explains the rules.
 */
@Injectable()
export class RefreshTokens {
  private readonly logger = new Logger('RefreshTokens');

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /** Starts a family for a customer who just signed in, ending their oldest one past the cap. */
  async start(customerId: number): Promise<Grant> {
    const now = this.clock.now();
    const familyId = newFamilyId();
    const refreshToken = newRefreshToken(familyId);
    const record: FamilyRecord = {
      customerId,
      familyStartedAt: now,
      issuedAt: now,
      currentHash: hashToken(refreshToken),
    };
    await this.store.set(family(familyId), record, this.keepFor(record));
    const evicted = await this.store.pushCapped(
      familiesOf(customerId),
      familyId,
      this.options.maxFamiliesPerCustomer,
      this.keepFor(record),
    );
    for (const old of evicted) await this.revoke(old, customerId, 'signed in too many times');
    return { customerId, familyId, refreshToken };
  }

  /** Spends `token` and hands out its successor; `invalid_grant` when that is not allowed. */
  async rotate(token: string): Promise<Grant> {
    const familyId = familyOf(token);
    const record = familyId && (await this.store.get<FamilyRecord>(family(familyId)));
    if (!familyId || !record) throw new InvalidGrantProblem();
    this.assertWithinLifetime(record);
    const hash = hashToken(token);
    if (record.currentHash !== hash) return this.presentedAgain(token, hash, familyId, record);

    const now = this.clock.now();
    const successor = newRefreshToken(familyId);
    const successorHash = hashToken(successor);
    const marker: SpentRecord = {
      familyId,
      rotatedAt: now,
      successorHash,
      successor: sealSuccessor(successor, token),
    };
    // The marker decides the one winner among concurrent rotations of this token; it is kept
    // only as long as the grace rule needs it (the family record catches any later reuse).
    const markerTtl = this.options.refreshReuseGraceMs + 60_000;
    if (!(await this.store.setIfAbsent(spent(hash), marker, markerTtl))) {
      return this.presentedAgain(token, hash, familyId, record);
    }
    const next: FamilyRecord = { ...record, issuedAt: now, currentHash: successorHash };
    // A family revoked meanwhile stays revoked: replace never recreates a deleted record.
    if (!(await this.store.replace(family(familyId), next, this.keepFor(next)))) {
      throw new InvalidGrantProblem();
    }
    return { customerId: record.customerId, familyId, refreshToken: successor };
  }

  /** Revokes the family of `token` if it is the family's live token or the one just replaced. */
  async revokeFamilyOf(token: string, reason = 'logout'): Promise<void> {
    const familyId = familyOf(token);
    const record = familyId && (await this.store.get<FamilyRecord>(family(familyId)));
    if (!familyId || !record) return;
    const hash = hashToken(token);
    const marker = await this.store.get<SpentRecord>(spent(hash));
    if (record.currentHash === hash || marker?.familyId === familyId) {
      await this.revoke(familyId, record.customerId, reason);
    }
  }

  /** True once the family was revoked, evicted or has ended: its access tokens stop working. */
  async isRevoked(familyId: string): Promise<boolean> {
    return (await this.store.get(family(familyId))) === undefined;
  }

  /** A token of a live family that is not its live token: the grace window, or reuse. */
  private async presentedAgain(
    token: string,
    hash: string,
    familyId: string,
    record: FamilyRecord,
  ): Promise<Grant> {
    const marker = await this.store.get<SpentRecord>(spent(hash));
    const withinGrace =
      marker?.familyId === familyId &&
      this.clock.now() - marker.rotatedAt <= this.options.refreshReuseGraceMs;
    // Grace covers only the token replaced last: once its successor has been spent too, the
    // old token coming back is reuse.
    if (marker && withinGrace && !(await this.store.get(spent(marker.successorHash)))) {
      const successor = openSuccessor(marker.successor, token);
      if (successor) return { customerId: record.customerId, familyId, refreshToken: successor };
    }
    await this.revoke(familyId, record.customerId, 'reuse of a spent refresh token');
    throw new InvalidGrantProblem(
      'The refresh token was already used; every token of this sign-in is revoked. Sign in again.',
    );
  }

  private assertWithinLifetime(record: FamilyRecord): void {
    if (this.clock.now() - record.familyStartedAt >= this.options.refreshAbsoluteMs) {
      throw new InvalidGrantProblem('The sign-in has expired. Sign in again.');
    }
  }

  private async revoke(familyId: string, customerId: number, reason: string): Promise<void> {
    const entry = { familyId, customerId, reason };
    if (reason.startsWith('reuse')) this.logger.warn(entry, 'Refresh-token family revoked');
    else this.logger.log(entry, 'Refresh-token family revoked');
    await this.store.delete(family(familyId));
    await this.store.removeMember(familiesOf(customerId), familyId);
  }

  /**
   * Real-time TTL of a family's record: what is left of its absolute lifetime, plus the lifetime
   * of an access token issued at its last moment (the guard checks the family), plus a margin.
   */
  private keepFor(record: FamilyRecord): number {
    const left = record.familyStartedAt + this.options.refreshAbsoluteMs - this.clock.now();
    return Math.max(left, 0) + this.options.accessTokenTtlMs + 60_000;
  }
}
